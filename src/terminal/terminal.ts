// What the learner's terminal can do: colours, width, and whether anyone can answer a prompt;
// and folding text to its width, which the terminal itself would break mid-word at its edge.
// Colours come from Node's util.styleText; when to use them is decided here, and only here.
import { styleText } from 'node:util';
import { wrapAnsi } from 'fast-wrap-ansi';
import stringWidth from 'string-width';

/** True when a person can answer prompts: stdin and stdout are terminals and we are not in CI. */
export function isInteractive(): boolean {
  const ci = process.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && !inCi;
}

/** True when colours should be used on stdout: a terminal, and NO_COLOR not set (FORCE_COLOR wins). */
export function colourEnabled(): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.TERM === 'dumb') return false;
  return Boolean(process.stdout.isTTY);
}

/** The width to wrap text at: the terminal's, capped so lines stay readable. */
export function textWidth(): number {
  return Math.max(40, Math.min(process.stdout.columns ?? 80, 100) - 2);
}

/**
 * `text` folded between words to `width` terminal columns (an emoji or a CJK character takes
 * two, a colour code none, and colours go on across a fold); every line but a text line's first
 * starts with `hang`. Only a word wider than the room is cut.
 */
export function fold(text: string, width: number, hang = ''): string {
  const room = Math.max(1, width - stringWidth(hang));
  return text
    .split('\n')
    .map((line) => wrapAnsi(line, room, { hard: true }).replaceAll('\n', `\n${hang}`))
    .join('\n');
}

// Narrower than this, a hanging indent would leave too little room for words.
const narrowest = 20;

/**
 * `text` folded between words to `output`'s columns less `margin` (the width of a prefix such as
 * clack's "│  "). A folded line keeps its indent, and a list item's marker width, so it still
 * reads as part of the item it continues. Only a stream that reports columns (a terminal) is
 * folded: piped output keeps its lines whole.
 */
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

export type Style =
  | 'bold'
  | 'dim'
  | 'italic'
  | 'underline'
  | 'strikethrough'
  | 'red'
  | 'green'
  | 'yellow'
  | 'blue'
  | 'magenta'
  | 'cyan'
  | 'gray';
export type Paint = (style: Style | Style[], text: string) => string;

/** A painter that colours text when `enabled`, and leaves it plain otherwise. */
export function painter(enabled: boolean = colourEnabled()): Paint {
  // validateStream off: styleText would otherwise look at process.stdout (Node 20.18 and later),
  // whatever stream the text is for, and overrule colourEnabled.
  return (style, text) => (enabled && text !== '' ? styleText(style, text, { validateStream: false }) : text);
}

/** The default painter for stdout. */
export const paint: Paint = painter();
