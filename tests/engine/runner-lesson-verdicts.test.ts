// What the lesson screen does with a check's verdict, driven through its streams with a
// stand-in check that answers given results: a pass points to the next lesson (or, after
// the last, to what the learner has built), a fail takes "done" back, and once every hint
// was seen the verdict points to the solution. The real check has tests of its own.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { processTable } from '../../src/processes/process-table.ts';
import { addThat, scratchLesson, type ScratchLesson } from './fixtures/scratch.ts';
import { checkResult, closesWithin, isolateScreens, scriptedWarmCheck, ScreenDriver } from './runner-screen-driver.ts';

isolateScreens();
const { allLessons } = await import('../../src/lessons/catalog.ts');
const { lessonScreen } = await import('../../src/runner/lesson-screen.ts');
const { hintCount } = await import('../../src/runner/lesson-texts.ts');
const { formatLessonList } = await import('../../src/runner/lesson-list.ts');
const { loadProgress, updateProgress } = await import('../../src/progress/progress-store.ts');
const { WarmCheck } = await import('../../src/check/warm-check.ts');
type CheckResult = ReturnType<typeof checkResult>;

// The checks' database is said once, at the menu's first check: the stand-in, named here.
const savedDatabase = process.env.PLAYGROUND_DB;
process.env.PLAYGROUND_DB = 'standin';
afterAll(() => {
  if (savedDatabase === undefined) delete process.env.PLAYGROUND_DB;
  else process.env.PLAYGROUND_DB = savedDatabase;
});

const lessons = allLessons();
const [first, second] = lessons;
const last = lessons[lessons.length - 1];

/** Opens `lesson`'s screen with a check that answers `results` in turn, and skips its text. */
async function openWithChecks(
  lesson: (typeof lessons)[number],
  results: CheckResult[],
  language: 'en' | 'hinglish' = 'en',
) {
  const screen = new ScreenDriver();
  const closed = lessonScreen(lesson, language, {
    input: screen.input,
    output: screen.output,
    ...scriptedWarmCheck(results),
  });
  await screen.skipReading(language === 'en' ? 'q: skip to the menu' : 'q: seedha menu pe');
  return { screen, closed };
}

const progressOf = (lesson: (typeof lessons)[number]) => loadProgress().progress.lessons[lesson.slug] ?? {};
// From "Run the app" (where the cursor starts) down to "Check my solution".
const toCheck = ['down', 'down', 'enter'] as const;

describe('a check that passes', () => {
  it('marks the lesson done, points to the next lesson, and offers it first, with the cursor on it', async () => {
    const { screen, closed } = await openWithChecks(first, [checkResult(first, 3), checkResult(first, 3)]);
    await screen.answer(`Lesson ${first.number}: what next?`, ...toCheck);
    await screen.waitFor('Passed!');
    await screen.waitFor('Checks run on the offline stand-in database');
    await screen.waitFor('All 3 checks pass');
    await screen.waitFor(`Next: lesson ${second.number}, "${second.title}".`);
    expect(progressOf(first)).toEqual({ done: true, passedOnce: true });
    await screen.answer(`Lesson ${first.number} ✔ done: what next?`);
    await screen.waitFor(`● Go on to lesson ${second.number}: ${second.title}`);
    // A second check: the database is not said again.
    for (const key of ['down', 'down', 'down', 'enter'] as const) screen.press(key);
    await screen.waitFor('Passed!');
    expect(screen.text.split('Checks run on').length - 1).toBe(1);
    await screen.answer(`Lesson ${first.number} ✔ done: what next?`, 'enter');
    expect(await closesWithin(closed)).toEqual({ language: 'en', next: second });
  });

  it('after the last lesson, says what the learner has built, lesson by lesson', async () => {
    updateProgress((progress) => {
      for (const lesson of lessons.slice(0, -1)) progress.lessons[lesson.slug] = { done: true, passedOnce: true };
    });
    const { screen, closed } = await openWithChecks(last, [checkResult(last, 2)]);
    await screen.answer(`Lesson ${last.number}: what next?`, ...toCheck);
    await screen.waitFor('You finished the course!');
    for (const lesson of lessons) await screen.waitFor(`${lesson.number}  ${lesson.title}`);
    await screen.answer(`Lesson ${last.number} ✔ done: what next?`);
    await screen.waitFor('● Compare with the solution');
    // The last lesson's app is the one exported: the pass offers it, and so does the list.
    expect(screen.text).toContain('Take your app home: "Export your app", in the list below');
    expect(screen.text).toContain('○ Export your app');
    screen.press('ctrl-c');
    await closesWithin(closed);
    expect(screen.text).not.toContain('Go on to lesson');
    const finished = screen.text.slice(screen.text.indexOf('You finished the course!'));
    expect(finished, 'markdown backticks shown raw').not.toContain('`');
  });

  it('after the last lesson with others still open, names them as the list marks them', async () => {
    updateProgress((progress) => (progress.lessons[second.slug] = { done: true, passedOnce: true }));
    const { screen, closed } = await openWithChecks(last, [checkResult(last, 2)]);
    await screen.answer(`Lesson ${last.number}: what next?`, ...toCheck);
    const open = lessons.filter((lesson) => lesson !== second && lesson !== last).map((lesson) => lesson.number);
    await screen.waitFor(
      `That was the last lesson. Still to pass: ${open.join(', ')}, the lessons without ✔ in the list.`,
    );
    await screen.answer(`Lesson ${last.number} ✔ done: what next?`, 'ctrl-c');
    await closesWithin(closed);
    // The list shows ▶ on one of them only; what they share is having no ✔.
    const list = formatLessonList(loadProgress().progress, 'en', (_, text) => text).split('\n');
    for (const lesson of lessons) {
      const line = list.find((entry) => entry.includes(` ${lesson.number}  `));
      expect(line?.includes('✔'), `lesson ${lesson.number}: ${line}`).toBe(!open.includes(lesson.number));
    }
  });

  it('says so in Hinglish too', async () => {
    const { screen, closed } = await openWithChecks(first, [checkResult(first, 3)], 'hinglish');
    await screen.answer(`Lesson ${first.number}: ab kya karein?`, ...toCheck);
    await screen.waitFor('Pass ho gaya!');
    await screen.waitFor(`Aage: lesson ${second.number}, "${second.titleHinglish}".`);
    await screen.answer(`Lesson ${first.number} ✔ ho gaya: ab kya karein?`);
    await screen.waitFor(`● Aage badhiye: lesson ${second.number}, ${second.titleHinglish}`);
    screen.press('ctrl-c');
    await closesWithin(closed);
  });
});

describe('a check that fails', () => {
  it('takes "done" back from a lesson that was done, and the screen says so', async () => {
    updateProgress((progress) => (progress.lessons[first.slug] = { done: true, passedOnce: true }));
    const { screen, closed } = await openWithChecks(first, [checkResult(first, 2, ['saves the URL'])]);
    await screen.answer(`Lesson ${first.number} ✔ done: what next?`, ...toCheck);
    await screen.waitFor('Checked. What the checks found:');
    await screen.waitFor('"saves the URL"');
    await screen.answer(`Lesson ${first.number}: what next?`, 'ctrl-c');
    await closesWithin(closed);
    expect(progressOf(first)).toEqual({ passedOnce: true });
  });

  it('points to "Next hint" while hints are left, and to the solution once every hint was seen', async () => {
    const { total } = hintCount(first);
    const failing = () => checkResult(first, 0, ['saves the URL']);
    const { screen, closed } = await openWithChecks(first, [failing(), failing()]);
    await screen.answer(`Lesson ${first.number}: what next?`, ...toCheck);
    await screen.waitFor('Stuck? Pick "Next hint" in the lesson menu.');
    // The spinner and the verdict do not say the same words one over the other.
    expect(screen.text.split('Not yet').length - 1).toBe(1);
    updateProgress((progress) => (progress.lessons[first.slug] = { hintsShown: total }));
    await screen.answer(`Lesson ${first.number}: what next?`, 'enter'); // the cursor went to the hints
    await screen.waitFor(`Hint 1 of ${total}`);
    await screen.answer(`Lesson ${first.number}: what next?`, 'up', 'up', 'enter'); // from the hints to the check
    await screen.waitFor(`You have seen all ${total} hints. Still stuck? Pick "Compare with the solution".`);
    await screen.answer(`Lesson ${first.number}: what next?`, 'ctrl-c');
    await closesWithin(closed);
    expect(screen.text.split('Pick "Next hint"').length - 1).toBe(1);
  });
});

describe("TypeScript's view after a verdict", () => {
  it('comes under a failing verdict once it is in, before the next question', async () => {
    const mistyped = {
      file: `${first.slug}/${first.exerciseFiles[0]}`,
      line: 3,
      column: 7,
      code: 2322,
      message: "Type 'number' is not assignable to type 'string'.",
    };
    let typesIn!: () => void;
    const result = {
      ...checkResult(first, 2, ['saves the song']),
      typeIssuesLater: new Promise<(typeof mistyped)[]>((resolve) => (typesIn = () => resolve([mistyped]))),
    };
    const { screen, closed } = await openWithChecks(first, [result]);
    await screen.answer(`Lesson ${first.number}: what next?`, ...toCheck);
    await screen.waitFor('"saves the song"');
    expect(screen.text).not.toContain('TS2322');
    typesIn();
    await screen.waitFor("Type 'number' is not assignable to type 'string'. (TS2322)");
    await screen.answer(`Lesson ${first.number}: what next?`, 'ctrl-c');
    await closesWithin(closed);
    expect(screen.text.indexOf('TS2322')).toBeGreaterThan(screen.text.indexOf('"saves the song"'));
  });
});

describe("TypeScript's view under a pass", () => {
  it.each([
    ['en', 'Passed, but TypeScript disagrees', 'The checks pass, but TypeScript disagrees', 'what next?', '✔ done'],
    [
      'hinglish',
      'Pass ho gaya, lekin TypeScript sehmat nahi hai',
      'Checks pass hain, lekin TypeScript',
      'ab kya karein?',
      '✔ ho gaya',
    ],
  ] as const)(
    'is said with the verdict (%s), and the lesson is done',
    async (language, headline, head, question, done) => {
      const scratch = scratchLesson('passing', addThat.addsMistyped);
      const { screen, closed, warm } = await openOnScratch(first, scratch, language);
      try {
        await screen.answer(`Lesson ${first.number}: ${question}`, ...toCheck);
        await screen.waitFor(headline, 60_000);
        await screen.waitFor(head);
        await screen.waitFor('(TS2322)');
        await screen.waitFor('2 | const sum: string = a + b;');
        await screen.answer(`Lesson ${first.number} ${done}: ${question}`, 'ctrl-c');
        await closesWithin(closed, 15_000);
        expect(progressOf(first).done).toBe(true);
      } finally {
        await warm.stop();
        scratch.remove();
      }
    },
    90_000,
  );
});

describe("TypeScript's view under a watch's pass", () => {
  it('is said before the watch ends', async () => {
    const scratch = scratchLesson('passing', addThat.addsMistyped);
    const { screen, closed, warm } = await openOnScratch(first, scratch, 'en');
    try {
      await screen.answer(`Lesson ${first.number}: what next?`, 'down', 'down', 'down', 'enter');
      await screen.waitFor('The checks pass, but TypeScript disagrees', 60_000);
      await screen.waitFor('(TS2322)');
      await screen.waitFor('Passed! Lesson marked as done.');
      await screen.answer(`Lesson ${first.number} ✔ done: what next?`, 'ctrl-c');
      await closesWithin(closed, 15_000);
    } finally {
      await warm.stop();
      scratch.remove();
    }
  }, 90_000);
});

describe('Ctrl-C during a watch', () => {
  it('stops the watch and rests on "Watch" again, not on "Back to the lessons"', async () => {
    const scratch = scratchLesson('passing', addThat.subtracts);
    const { screen, closed, warm } = await openOnScratch(first, scratch, 'en');
    try {
      await screen.answer(`Lesson ${first.number}: what next?`, 'down', 'down', 'down', 'enter');
      await screen.waitFor('Enter or Ctrl-C stops', 60_000);
      await screen.waitFor('Stuck? Pick "Next hint" in the lesson menu.', 60_000);
      screen.press('ctrl-c');
      await screen.waitFor(`◆  Lesson ${first.number}: what next?`);
      const menu = screen.text.slice(screen.text.lastIndexOf('◆'));
      expect(menu.split('\n').find((line) => line.includes('●'))).toContain('Watch: check again on every save');
      screen.press('ctrl-c');
      await closesWithin(closed, 15_000);
    } finally {
      await warm.stop();
      scratch.remove();
    }
  }, 90_000);
});

/** Opens `lesson`'s screen on a real warm check of a scratch fixture lesson, and skips its text. */
async function openOnScratch(lesson: (typeof lessons)[number], scratch: ScratchLesson, language: 'en' | 'hinglish') {
  const warm = new WarmCheck(
    { testFile: scratch.testFile, name: path.basename(scratch.dir) },
    [scratch.dir + path.sep],
    {
      typeCheck: [scratch.exercise],
    },
  );
  void warm.warmUp();
  const screen = new ScreenDriver();
  const closed = lessonScreen(lesson, language, {
    input: screen.input,
    output: screen.output,
    warmCheckOf: async () => warm,
  });
  await screen.skipReading(language === 'en' ? 'q: skip to the menu' : 'q: seedha menu pe');
  return { screen, closed, warm };
}

/** Whether `pid` still runs code (a zombie only waits for its parent's wait). */
const runs = (pid: number) => processTable().some((info) => info.pid === pid && !info.ended);

/** The check's scratch folders of this process (src/processes/scratch-folder.ts names them after it). */
const scratchFolders = () => readdirSync(os.tmpdir()).filter((name) => name.startsWith(`playground-${process.pid}-`));

// Waits at load, after starting a process of its own: a check of it runs until it is stopped.
const waitsForever = [
  "import { spawn } from 'node:child_process';",
  "import { writeFileSync } from 'node:fs';",
  "const sleeper = spawn('sleep', ['300'], { stdio: 'ignore' });",
  "writeFileSync(new URL('./started.txt', import.meta.url), String(sleeper.pid));",
  'await new Promise(() => setInterval(() => {}, 1000));',
  'export function add(a: number, b: number): number {',
  '  return a + b;',
  '}',
  '',
].join('\n');

describe('Ctrl-C during a check', () => {
  it.each([
    ['en', 'Check stopped: nothing was saved. Back to the lesson.', 'what next?'],
    ['hinglish', 'Check rok diya gaya: kuch save nahi hua. Wapas lesson pe.', 'ab kya karein?'],
  ] as const)(
    'stops the check, says so (%s), ends all it started, saves nothing, and rests on "Check my solution"',
    async (language, stoppedWords, question) => {
      const scratch = scratchLesson('passing', waitsForever);
      const { screen, closed, warm } = await openOnScratch(first, scratch, language);
      try {
        await screen.answer(`Lesson ${first.number}: ${question}`, ...toCheck);
        const startedFile = path.join(scratch.dir, 'started.txt');
        while (!existsSync(startedFile)) await new Promise((resolve) => setTimeout(resolve, 50));
        const sleeper = Number(readFileSync(startedFile, 'utf8'));
        const host = warm.hostPid!;
        const folders = scratchFolders();
        expect(folders.length).toBeGreaterThan(0);
        screen.press('ctrl-c');
        await screen.waitFor(stoppedWords);
        // Back at the lesson's menu, the cursor on the check: Enter checks again.
        await screen.waitFor(`Lesson ${first.number}: ${question}`);
        expect(
          screen.text
            .slice(screen.text.lastIndexOf('◆'))
            .split('\n')
            .find((line) => line.includes('●')),
        ).toMatch(/Check my solution|Apna solution check kijiye/);
        expect(runs(host), "the stopped check's vitest").toBe(false);
        expect(runs(sleeper), 'the process the stopped code started').toBe(false);
        expect(scratchFolders().filter((name) => folders.includes(name))).toEqual([]);
        expect(progressOf(first)).toEqual({});
        // A second Ctrl-C, at the lesson's menu, goes back as it always did.
        screen.press('ctrl-c');
        await closesWithin(closed, 15_000);
        expect(warm.hostPid).toBeUndefined();
        expect(scratchFolders()).toEqual([]);
      } finally {
        await warm.stop();
        scratch.remove();
      }
    },
    60_000,
  );
});
