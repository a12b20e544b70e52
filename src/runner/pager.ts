// Shows a long text a screenful at a time, like `more`, so a lesson can be read from its
// first line on a small terminal: Space or Enter shows the next page, q (or Esc, Ctrl-C)
// stops paging. A page ends before a section heading or at a paragraph's end when one is
// near. Where the output is no terminal (no rows to fill), the text is written whole.
import type { Readable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import type { Language } from '../progress/progress-store.ts';
import { menuWords } from './menu-words.ts';
import type { ScreenStreams } from './screen-streams.ts';
import { paint } from './terminal.ts';

export interface PagerOptions {
  language: Language;
  /** What q leads to, said in the prompt: the menu below the text, or the end of the command. */
  after: 'menu' | 'end';
}

/** Writes `text` a page at a time; resolves true when read to the end, false when the learner stopped. */
export async function showPaged(text: string, streams: ScreenStreams, options: PagerOptions): Promise<boolean> {
  const { output } = streams;
  const screen = output as { rows?: number; columns?: number };
  const lines = text.replace(/\n$/, '').split('\n');
  const columns = screen.columns ?? 80;
  const heights = lines.map((line) => Math.max(1, Math.ceil(stringWidth(stripVTControlCharacters(line)) / columns)));
  // One row stays free for the prompt.
  const room = (screen.rows ?? 0) - 1;
  if (room < 5 || heights.reduce((sum, height) => sum + height, 0) <= room + 1) {
    output.write(`${text.replace(/\n$/, '')}\n`);
    return true;
  }
  let start = 0;
  while (start < lines.length) {
    const end = pageEnd(lines, heights, start, room);
    output.write(`${lines.slice(start, end).join('\n')}\n`);
    if (end >= lines.length) return true;
    output.write(paint('dim', menuWords(options.language).more(end, lines.length, options.after)));
    const key = await nextPageKey(streams.input);
    output.write('\r\x1b[2K');
    if (key === 'stop') return false;
    start = end;
  }
  return true;
}

/** True for a heading line: markdown-render.ts underlines headings with ─ or ═. */
function isHeading(lines: string[], index: number): boolean {
  const below = stripVTControlCharacters(lines[index + 1] ?? '');
  return lines[index].trim() !== '' && /^[─═]{3,}$/.test(below.trim());
}

/** Where the page starting at `start` ends (exclusive): before a heading, after a paragraph, or where it is full. */
function pageEnd(lines: string[], heights: number[], start: number, room: number): number {
  let used = 0;
  let end = start;
  while (end < lines.length && used + heights[end] <= room) used += heights[end++];
  if (end >= lines.length) return lines.length;
  if (end === start) return start + 1; // a single line taller than the screen
  // The last third of the page: a new section starts on the next page rather than at the bottom.
  const third = start + Math.floor(((end - start) * 2) / 3);
  for (let index = end - 1; index > third; index--) if (isHeading(lines, index)) return index;
  // Else at a paragraph's end, when one is in the last few lines.
  for (let index = end - 1; index > Math.max(start, end - 6); index--) if (lines[index].trim() === '') return index + 1;
  return end;
}

/** Waits for a key that turns the page ('more') or stops paging ('stop'); other keys are ignored. */
function nextPageKey(input: Readable): Promise<'more' | 'stop'> {
  const terminal = input as Readable & { isTTY?: boolean; setRawMode?: (raw: boolean) => void };
  const raw = Boolean(terminal.isTTY && terminal.setRawMode);
  if (raw) terminal.setRawMode!(true);
  return new Promise((resolve) => {
    const finish = (answer: 'more' | 'stop') => {
      input.off('data', onData);
      input.off('end', onEnd);
      if (raw) terminal.setRawMode!(false);
      input.pause();
      resolve(answer);
    };
    const onData = (data: Buffer | string) => {
      const key = data.toString();
      if (key === ' ' || key === '\r' || key === '\n' || key === '\x1b[B' || key === '\x1b[6~') finish('more');
      else if (key === 'q' || key === 'Q' || key === '\x1b' || key === '\x03') finish('stop');
    };
    const onEnd = () => finish('stop');
    input.on('data', onData);
    input.once('end', onEnd);
    input.resume();
  });
}
