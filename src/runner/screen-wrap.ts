// Folds what the screens print at word boundaries to the terminal's columns: the terminal
// itself would break a long verdict or hint mid-word at its edge. A folded line keeps its
// indent, and a list item's marker width, so it still reads as part of the item it continues.
// Only a stream that reports columns (a terminal) is folded: piped output keeps its lines whole.
import stringWidth from 'string-width';
import { fold } from '../terminal/terminal.ts';

// Narrower than this, a hanging indent would leave too little room for words.
const narrowest = 20;

/** `text` folded to `output`'s columns less `margin` (the width of a prefix such as clack's "│  "). */
export function fitToScreen(text: string, output: object, margin = 0): string {
  const { columns } = output as { columns?: unknown };
  if (typeof columns !== 'number') return text;
  // One column spare: a line that fills the last column makes some terminals add a blank line.
  const width = Math.max(narrowest, columns - margin - 1);
  return text
    .split('\n')
    .map((line) => foldLine(line, width))
    .join('\n');
}

/** One line folded to `width`, its continuation lines indented under its first word. */
function foldLine(line: string, width: number): string {
  if (stringWidth(line) <= width) return line;
  const lead = /^\s*(?:[-•*]\s+|\d+\.\s+)?/.exec(line)![0];
  const hang = stringWidth(lead);
  if (width - hang < narrowest) return fold(line, width);
  return lead + fold(line.slice(lead.length), width, ' '.repeat(hang));
}
