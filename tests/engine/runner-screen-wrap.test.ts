// What the menu prints (verdicts, hints, messages) is folded at word boundaries to the
// terminal's columns, its indent kept, so the terminal never breaks a word at its edge; output
// that is no terminal (the CLI piped into a file or a test) keeps its lines whole.
import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { checkResult, closesWithin, isolateScreens, scriptedWarmCheck, ScreenDriver } from './runner-screen-driver.ts';

isolateScreens();
const { allLessons } = await import('../../src/lessons/catalog.ts');
const { lessonScreen } = await import('../../src/runner/lesson-screen.ts');
const { fitToScreen } = await import('../../src/terminal/terminal.ts');
const { log } = await import('../../src/runner/screen.ts');

const item =
  '  - "uploads the file, saves the song with its URL and fileId, and answers 201 with it" (POST /api/songs): nothing answers at /api/songs.';

/** The widest line of `text`, in terminal columns. */
const widest = (text: string) => Math.max(...text.split('\n').map((line) => stringWidth(line)));
/** The words of `text`, however it is folded. */
const words = (text: string) => stripVTControlCharacters(text).split(/\s+/).filter(Boolean);

describe('fitToScreen()', () => {
  it('folds a long line between words, to the columns', () => {
    const folded = fitToScreen(item, { columns: 50 });
    expect(widest(folded)).toBeLessThan(50);
    expect(words(folded)).toEqual(words(item));
  });

  it("indents a list item's folded lines under its first word", () => {
    const [, ...rest] = fitToScreen(item, { columns: 50 }).split('\n');
    expect(rest.length).toBeGreaterThan(0);
    for (const line of rest) expect(line).toMatch(/^ {4}\S/);
  });

  it('leaves the text whole when the output is no terminal (it reports no columns)', () => {
    expect(fitToScreen(item, new PassThrough())).toBe(item);
  });
});

describe("log (clack's, folded)", () => {
  it("keeps every line within the columns, clack's │ border included", () => {
    const output = Object.assign(new PassThrough(), { columns: 60 });
    let shown = '';
    output.on('data', (chunk) => (shown += chunk));
    log.info(`Upload failed: ${item.trim()}`, { output });
    const lines = stripVTControlCharacters(shown).trimEnd().split('\n');
    expect(widest(lines.join('\n'))).toBeLessThan(60);
    for (const line of lines.slice(2)) expect(line).toMatch(/^│ {2}\S/);
  });
});

describe("a check's verdict on the lesson screen", () => {
  it('is folded to a 100-column terminal, every word whole', async () => {
    const lesson = allLessons()[0];
    const failing =
      'saves the song with its URL and fileId, and answers 201 with the record the database holds, not the bytes';
    const screen = new ScreenDriver({ columns: 100, rows: 40 });
    const closed = lessonScreen(lesson, 'en', {
      input: screen.input,
      output: screen.output,
      ...scriptedWarmCheck([checkResult(lesson, 0, [failing])]),
    });
    await screen.skipReading();
    await screen.answer(`Lesson ${lesson.number}: what next?`, 'down', 'down', 'enter');
    await screen.waitFor('Stuck?');
    const verdict = screen.text.slice(screen.text.lastIndexOf('Not yet'));
    expect(widest(verdict)).toBeLessThan(100);
    expect(words(verdict).join(' ')).toContain(failing);
    await screen.answer(`Lesson ${lesson.number}: what next?`, 'ctrl-c');
    await closesWithin(closed);
  });
});
