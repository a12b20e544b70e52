// Renders a lesson's markdown for the terminal: marked's lexer gives the tokens, and this
// small renderer turns them into wrapped, lightly coloured text. No HTML, no heavy deps.
// Columns are counted by string-width: an emoji or a CJK character takes two, a Devanagari
// vowel sign none, and colour codes none.
import { lexer, type Token, type Tokens } from 'marked';
import stringWidth from 'string-width';
import { foldCodeLine } from './code-fold.ts';
import { colourEnabled, fold, painter, textWidth, type Paint } from '../terminal/terminal.ts';

interface RenderOptions {
  /** Columns to wrap at. Defaults to the terminal's width. */
  width?: number;
  /** Use ANSI colours. Defaults to on for a terminal, off with NO_COLOR or when piped. */
  colour?: boolean;
}

const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function unescapeEntities(text: string): string {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity);
}

/** A newline inside a paragraph's text is only where the author wrapped the source: a space on screen. */
function softBreaks(text: string): string {
  return text.replace(/ *\n */g, ' ');
}

// A very small highlighter for code blocks: comments dimmed, strings green, keywords magenta.
// Enough to make TypeScript, shell and JSON easier to scan; not a parser.
const keywords = new Set(
  'import export from const let var function async await return if else new class interface type extends for of in while try catch throw true false null undefined default'.split(
    ' ',
  ),
);

// Comments, then strings, then words: the first alternative that matches at a position wins.
const pieces =
  /(\/\/.*$|#(?!!).*$|\/\*.*?\*\/)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`\\]|\\.)*`)|([A-Za-z_$][\w$]*)/g;

/** One line of code with light colours. `#` starts a comment only in shell-like languages. */
function colourCodeLine(line: string, lang: string, paint: Paint): string {
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

/** Inline tokens (bold, code, links…) as one styled string. */
function inline(tokens: Token[] | undefined, paint: Paint, colour: boolean): string {
  if (!tokens) return '';
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'strong':
          return paint('bold', inline((token as Tokens.Strong).tokens, paint, colour));
        case 'em':
          return paint('italic', inline((token as Tokens.Em).tokens, paint, colour));
        case 'del':
          return paint('strikethrough', inline((token as Tokens.Del).tokens, paint, colour));
        case 'codespan': {
          const text = unescapeEntities((token as Tokens.Codespan).text);
          return colour ? paint('cyan', text) : `\`${text}\``;
        }
        case 'link': {
          const link = token as Tokens.Link;
          const text = inline(link.tokens, paint, colour);
          if (link.href.startsWith('mailto:') || unescapeEntities(link.text) === link.href)
            return paint('underline', link.href);
          return `${paint('underline', text)} ${paint('dim', `(${link.href})`)}`;
        }
        case 'image': {
          const image = token as Tokens.Image;
          return paint('dim', `[image: ${image.text || image.href}]`);
        }
        case 'br':
          return '\n'; // a hard break; soft line breaks become spaces below
        case 'html':
          return '';
        case 'text': {
          const text = token as Tokens.Text;
          return text.tokens ? inline(text.tokens, paint, colour) : softBreaks(unescapeEntities(text.text));
        }
        case 'escape':
          return unescapeEntities((token as Tokens.Escape).text);
        default:
          return unescapeEntities(token.raw ?? '');
      }
    })
    .join('');
}

/** Block tokens, each rendered to its lines and separated by one blank line. */
function blocks(tokens: Token[], width: number, paint: Paint, colour: boolean, separator = '\n\n'): string {
  return tokens
    .map((token) => block(token, width, paint, colour))
    .filter((rendered) => rendered !== undefined)
    .join(separator);
}

function block(token: Token, width: number, paint: Paint, colour: boolean): string | undefined {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      const text = inline(heading.tokens, paint, colour);
      if (heading.depth === 1)
        return `${paint(['bold', 'cyan'], text)}\n${paint('cyan', '═'.repeat(Math.min(stringWidth(text), width)))}`;
      if (heading.depth === 2)
        return `${paint('bold', text)}\n${paint('dim', '─'.repeat(Math.min(stringWidth(text), width)))}`;
      return paint('bold', text);
    }
    case 'paragraph':
      return fold(inline((token as Tokens.Paragraph).tokens, paint, colour), width);
    case 'text': {
      // Block-level text appears inside tight list items.
      const text = token as Tokens.Text;
      return fold(text.tokens ? inline(text.tokens, paint, colour) : softBreaks(unescapeEntities(text.text)), width);
    }
    case 'code': {
      const code = token as Tokens.Code;
      return code.text
        .split('\n')
        .map((line) =>
          line.trim() === ''
            ? ''
            : foldCodeLine(line, width - 4, colour ? colourCodeLine(line, code.lang ?? '', paint) : line)
                .split('\n')
                .map((part) => `    ${part}`)
                .join('\n'),
        )
        .join('\n');
    }
    case 'list':
      return list(token as Tokens.List, width, paint, colour);
    case 'blockquote': {
      const inner = blocks((token as Tokens.Blockquote).tokens, width - 2, paint, colour);
      return inner
        .split('\n')
        .map((line) => paint('dim', '│ ') + line)
        .join('\n');
    }
    case 'hr':
      return paint('dim', '─'.repeat(Math.min(width, 40)));
    case 'table':
      return table(token as Tokens.Table, width, paint, colour);
    case 'space':
    case 'def':
    case 'html':
      return undefined;
    default:
      return token.raw?.trimEnd();
  }
}

function list(token: Tokens.List, width: number, paint: Paint, colour: boolean): string {
  const start = typeof token.start === 'number' ? token.start : 1;
  const markers = token.items.map((_, index) => (token.ordered ? `${start + index}.` : '•'));
  const markerWidth = Math.max(...markers.map((marker) => marker.length)) + 1;
  return token.items
    .map((item, index) => {
      const box = item.task ? (item.checked ? '[x] ' : '[ ] ') : '';
      const body = blocks(
        item.tokens.filter((child) => child.type !== 'checkbox'),
        width - markerWidth,
        paint,
        colour,
        item.loose ? '\n\n' : '\n',
      );
      const pad = ' '.repeat(markerWidth);
      return body
        .split('\n')
        .map((line, lineIndex) =>
          lineIndex === 0
            ? paint('cyan', markers[index].padEnd(markerWidth)) + box + line
            : line === ''
              ? ''
              : pad + line,
        )
        .join('\n');
    })
    .join(token.loose ? '\n\n' : '\n');
}

function table(token: Tokens.Table, width: number, paint: Paint, colour: boolean): string {
  const header = token.header.map((cell) => inline(cell.tokens, paint, colour));
  const rows = token.rows.map((row) => row.map((cell) => inline(cell.tokens, paint, colour)));
  const widths = header.map((cell, column) =>
    Math.max(stringWidth(cell), ...rows.map((row) => stringWidth(row[column] ?? ''))),
  );
  // Too wide for the terminal: the last column gets what is left and wraps under itself.
  const last = widths.length - 1;
  const before = widths.slice(0, last).reduce((sum, w) => sum + w + 2, 0);
  widths[last] = Math.max(12, Math.min(widths[last], width - before));
  const line = (cells: string[]) => {
    const lastLines = fold(cells[last] ?? '', widths[last]).split('\n');
    const firstCells = cells
      .slice(0, last)
      .map((cell, column) => cell + ' '.repeat(Math.max(0, widths[column] - stringWidth(cell))));
    return lastLines
      .map((text, index) => (index === 0 ? [...firstCells, text] : [' '.repeat(before - 2), text]).join('  ').trimEnd())
      .join('\n');
  };
  return [
    paint('bold', line(header)),
    paint('dim', widths.map((w) => '─'.repeat(w)).join('  ')),
    ...rows.map(line),
  ].join('\n');
}

/** The markdown as terminal text: headings, wrapped paragraphs, indented (and folded) code, lists, links. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): string {
  const colour = options.colour ?? colourEnabled();
  const width = options.width ?? textWidth();
  return blocks(lexer(markdown), width, painter(colour), colour) + '\n';
}
