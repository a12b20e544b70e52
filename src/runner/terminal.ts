// What the learner's terminal can do: colours, width, and whether anyone can answer a prompt.
// Plain ANSI codes rather than a colour library: the menu must start fast.

/** True when a person can answer prompts: stdin and stdout are terminals and we are not in CI. */
export function isInteractive(): boolean {
  const ci = process.env.CI;
  const inCi = ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
  return Boolean(process.stdin.isTTY && process.stdout.isTTY) && !inCi;
}

/** True when colours should be used on this stream: a terminal, and NO_COLOR not set (FORCE_COLOR wins). */
export function colourEnabled(stream: { isTTY?: boolean } = process.stdout): boolean {
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.TERM === 'dumb') return false;
  return Boolean(stream.isTTY);
}

/** The width to wrap text at: the terminal's, capped so lines stay readable. */
export function textWidth(stream: { columns?: number } = process.stdout): number {
  return Math.max(40, Math.min(stream.columns ?? 80, 100) - 2);
}

const codes = {
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  strikethrough: [9, 29],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  gray: [90, 39],
} as const;

export type Style = keyof typeof codes;
export type Paint = (style: Style | Style[], text: string) => string;

/** A painter that colours text when `enabled`, and leaves it plain otherwise. */
export function painter(enabled: boolean = colourEnabled()): Paint {
  return (style, text) => {
    if (!enabled || text === '') return text;
    const styles = Array.isArray(style) ? style : [style];
    return styles.reduceRight((inner, name) => `\x1b[${codes[name][0]}m${inner}\x1b[${codes[name][1]}m`, text);
  };
}

/** The default painter for stdout. */
export const paint: Paint = painter();

const ansiPattern = /\x1b\[[0-9;]*m/g;

/** The text without colour codes. */
export function stripAnsi(text: string): string {
  return text.replace(ansiPattern, '');
}

/** How many columns the text takes on screen. */
export function visibleLength(text: string): number {
  return [...stripAnsi(text)].length;
}
