// A very small highlighter for code blocks in lessons: comments dimmed, strings green,
// keywords magenta. Enough to make TypeScript, shell and JSON easier to scan; not a parser.
import type { Paint } from '../terminal/terminal.ts';

const keywords = new Set(
  'import export from const let var function async await return if else new class interface type extends for of in while try catch throw true false null undefined default'.split(
    ' ',
  ),
);

// Comments, then strings, then words: the first alternative that matches at a position wins.
const pieces =
  /(\/\/.*$|#(?!!).*$|\/\*.*?\*\/)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)|([A-Za-z_$][\w$]*)/g;

/** One line of code with light colours. `#` starts a comment only in shell-like languages. */
export function colourCodeLine(line: string, lang: string, paint: Paint): string {
  const shellLike = /^(sh|bash|shell|console|zsh)$/i.test(lang);
  return line.replace(
    pieces,
    (match, comment: string | undefined, text: string | undefined, word: string | undefined) => {
      if (comment !== undefined) {
        if (comment.startsWith('#') && !shellLike) return match;
        return paint('gray', comment);
      }
      if (text !== undefined) return paint('green', text);
      if (word !== undefined && keywords.has(word) && !shellLike) return paint('magenta', word);
      return match;
    },
  );
}
