// Shows a long text a screenful at a time, like `more`, so a lesson can be read from its
// first line on a small terminal: Space or Enter shows the next page, q (or Esc, Ctrl-C)
// stops paging. A page ends before a section heading or at a paragraph's end when one is
// near. The last page leaves room for what the caller writes after the text (the menu), so
// that never pushes unread lines off the top. Where the output is no terminal (no rows to
// fill), the text is written whole.
import type { Readable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import type { Language } from '../progress/progress-store.ts';
import { menuWords } from './menu-words.ts';
import type { ScreenStreams } from './screen.ts';
import { paint } from '../terminal/terminal.ts';

interface PagerOptions {
  language: Language;
  /** What q leads to, said in the prompt: the menu below the text, or the end of the command. */
  after: 'menu' | 'end';
  /** Rows the caller writes right after the text (the files to edit and the menu): kept free on the last page. */
  rowsAfter?: number;
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
  // The last page shares the screen with what follows it; one row at least is the text's.
  const lastRoom = Math.max(1, room + 1 - (options.rowsAfter ?? 0));
  if (room < 5 || heights.reduce((sum, height) => sum + height, 0) <= lastRoom) {
    output.write(`${text.replace(/\n$/, '')}\n`);
    return true;
  }
  let start = 0;
  while (start < lines.length) {
    const end = pageEnd(lines, heights, start, { room, lastRoom });
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

/**
 * Where the page starting at `start` ends (exclusive): before a heading, after a paragraph, or
 * where it is full. `room` is a page's rows; `lastRoom` the last page's, beside what follows it.
 */
function pageEnd(
  lines: string[],
  heights: number[],
  start: number,
  { room, lastRoom }: { room: number; lastRoom: number },
): number {
  let used = 0;
  let end = start;
  while (end < lines.length && used + heights[end] <= room) used += heights[end++];
  if (end >= lines.length) return used <= lastRoom ? lines.length : lastPageStart(lines, heights, start, lastRoom);
  if (end === start) return start + 1; // a single line taller than the screen
  // The last third of the page: a new section starts on the next page rather than at the bottom.
  const third = start + Math.floor(((end - start) * 2) / 3);
  for (let index = end - 1; index > third; index--) if (isHeading(lines, index)) return index;
  // Else at a paragraph's end, when one is in the last few lines.
  for (let index = end - 1; index > Math.max(start, end - 6); index--) if (lines[index].trim() === '') return index + 1;
  return end;
}

/**
 * Where to split the rest of the text (from `start`, one screenful) when it would not fit beside
 * what follows it: late enough that the last page fits `lastRoom`, at the first heading or
 * paragraph's end after that when there is one, so the last page is as full as it can be.
 */
function lastPageStart(lines: string[], heights: number[], start: number, lastRoom: number): number {
  let earliest = lines.length;
  for (let left = 0; earliest > start + 1 && left + heights[earliest - 1] <= lastRoom; ) left += heights[--earliest];
  for (let index = earliest; index < lines.length; index++) if (isHeading(lines, index)) return index;
  for (let index = earliest; index < lines.length; index++) if (lines[index - 1].trim() === '') return index;
  return earliest;
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
