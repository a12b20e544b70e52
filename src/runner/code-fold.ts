// Folds a line of code wider than the terminal, which would otherwise break it wherever the
// edge falls ("runVa" / "lidators"). The fold goes after a space when one is near the edge,
// else after punctuation, and only cuts inside a word when the word alone is wider than the
// screen. The folded part is indented four columns deeper than the line, so it reads as a
// continuation. Colours are cut with the text and opened again on the next line.
import stringWidth from 'string-width';

// Punctuation a line may be folded after when no space is near the edge.
const foldAfter = new Set([',', ';', '(', '[', '{', '/', '.', '=', '&', '?', '+', '|', '>', ':']);
// What a folded part starts with, after the line's own indent.
const continuation = '    ';
// Colour codes, as util.styleText writes them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: a colour code starts with ESC.
const styleCode = /\u001b\[[0-9;]*m/y;

/** `line` folded to `width` columns; `styled` is the same line with colour codes, folded at the same places. */
export function foldCodeLine(line: string, width: number, styled = line): string {
  if (stringWidth(line) <= width) return styled;
  const hang = (/^\s*/.exec(line)?.[0] ?? '') + continuation;
  const parts = foldPlaces(line, width, width - stringWidth(hang));
  const pieces = cutStyled(styled, parts);
  return pieces.map((piece, index) => (index === 0 ? piece : hang + piece)).join('\n');
}

/** The [from, to) string offsets of each folded part; the spaces at a fold are dropped. */
function foldPlaces(line: string, firstRoom: number, room: number): Array<[number, number]> {
  const chars = Array.from(new Intl.Segmenter().segment(line), ({ segment }) => segment);
  const widths = chars.map((char) => stringWidth(char));
  const offsets = [0];
  for (const char of chars) offsets.push(offsets[offsets.length - 1] + char.length);
  const parts: Array<[number, number]> = [];
  let start = 0;
  let fits = firstRoom;
  for (;;) {
    let used = 0;
    let end = start;
    while (end < chars.length && used + widths[end] <= fits) used += widths[end++];
    if (end >= chars.length) break;
    // A fold in the last two thirds of the part: a very short part reads worse than a cut word.
    const earliest = start + Math.max(1, Math.floor((end - start) / 3));
    let fold = -1;
    for (let at = end; at > earliest && fold < 0; at--) if (chars[at] === ' ' || chars[at - 1] === ' ') fold = at;
    for (let at = end; at > earliest && fold < 0; at--) if (foldAfter.has(chars[at - 1])) fold = at;
    if (fold < 0) fold = Math.max(end, start + 1);
    let cut = fold;
    while (cut > start + 1 && chars[cut - 1] === ' ') cut--;
    parts.push([offsets[start], offsets[cut]]);
    start = fold;
    while (start < chars.length && chars[start] === ' ') start++;
    fits = Math.max(1, room);
  }
  parts.push([offsets[start], offsets[chars.length]]);
  return parts;
}

/** `styled` cut into the parts (offsets in its text without colour codes), each with its colours closed and reopened. */
function cutStyled(styled: string, parts: Array<[number, number]>): string[] {
  // Where each character of the plain text is in the styled one, and the colour codes before it.
  const at: number[] = [];
  const codesBefore: string[] = [];
  let codes = '';
  for (let index = 0; index <= styled.length; ) {
    styleCode.lastIndex = index;
    const code = styleCode.exec(styled);
    if (code) {
      codes += code[0];
      index += code[0].length;
      continue;
    }
    at.push(index);
    codesBefore.push(codes);
    index++;
  }
  const reset = codes === '' ? '' : '\x1b[0m';
  return parts.map(([from, to]) => codesBefore[from] + styled.slice(at[from], at[to]) + reset);
}
