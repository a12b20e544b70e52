// One lesson in `npm start`, driven through its input and output streams as a learner would at
// a terminal: reading, hints, reset and the solution behind their questions, switching language,
// and going back, with Ctrl-C at every prompt meaning "no" or "back", never a crash or a hang.
// The warm check is a stand-in here (these tests only move around the screen); checking has
// tests of its own (check-*.test.ts, runner-check.test.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closesWithin, idleWarmCheck, isolateScreens, ScreenDriver, type Key } from './runner-screen-driver.ts';

isolateScreens();
const { allLessons, lessonPaths } = await import('../../src/lessons/catalog.ts');
const { lessonScreen } = await import('../../src/runner/lesson-screen.ts');
const { askYesNo } = await import('../../src/runner/ask.ts');
const { loadProgress, updateProgress } = await import('../../src/progress/progress-store.ts');

const lesson = allLessons()[0];
const { playgroundDir, starterDir } = lessonPaths(lesson);
const file = lesson.exerciseFiles[0];
const learnerFile = path.join(playgroundDir, file);
const starter = readFileSync(path.join(starterDir, file), 'utf8');
const whatNext = `Lesson ${lesson.number}: what next?`;

// The actions in the order the screen lists them; the cursor starts on "run".
const actions = ['run', 'edit', 'check', 'watch', 'hint', 'solution', 'reset', 'read', 'language', 'back'] as const;
type Action = (typeof actions)[number];

/** The keys that move the cursor from `from` to `to` and pick it. */
function pick(to: Action, from: Action = 'run'): Key[] {
  const steps = (actions.indexOf(to) - actions.indexOf(from) + actions.length) % actions.length;
  return [...Array.from({ length: steps }, () => 'down' as const), 'enter'];
}

/** Opens the lesson screen on a screen of its own. */
function openLesson(language: 'en' | 'hinglish' = 'en') {
  const screen = new ScreenDriver();
  const warm = idleWarmCheck();
  const closed = lessonScreen(lesson, language, {
    input: screen.input,
    output: screen.output,
    warmCheckOf: warm.warmCheckOf,
  });
  return { screen, warm, closed };
}

function writeLearnerEdits(): void {
  mkdirSync(path.dirname(learnerFile), { recursive: true });
  writeFileSync(learnerFile, '// my edits\n');
}

const progressOfLesson = () => loadProgress().progress.lessons[lesson.slug] ?? {};

describe('the lesson screen', () => {
  it('shows the lesson, remembers it was opened, and goes back with "Back to the lessons"', async () => {
    const { screen, warm, closed } = openLesson();
    await screen.waitFor('Your file(s) to edit:');
    await screen.waitFor(`playground/${lesson.slug}/${file}`);
    await screen.answer(whatNext, ...pick('back'));
    expect(await closesWithin(closed)).toBe('en');
    expect(warm.stopped()).toBe(true);
    expect(loadProgress().progress.lastLesson).toBe(lesson.slug);
  });

  it('shows the lesson again with "Read the lesson again"', async () => {
    const { screen, closed } = openLesson();
    await screen.answer(whatNext, ...pick('read'));
    await screen.waitFor('Your file(s) to edit:');
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
  });

  it('shows the next hint each time, counts it, and puts the cursor on "Open the file"', async () => {
    const { screen, closed } = openLesson();
    await screen.answer(whatNext, ...pick('hint'));
    await screen.waitFor('Hint 1 of');
    expect(progressOfLesson().hintsShown).toBe(1);
    await screen.answer(whatNext, ...pick('hint', 'edit'));
    await screen.waitFor('Hint 2 of');
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
    expect(progressOfLesson().hintsShown).toBe(2);
  });

  it('goes back at Ctrl-C on its menu, and stops its warm check', async () => {
    const { screen, warm, closed } = openLesson();
    await screen.answer(whatNext, 'ctrl-c');
    expect(await closesWithin(closed)).toBe('en');
    expect(warm.stopped()).toBe(true);
  });
});

describe('reset', () => {
  it('puts the starter back after a yes', async () => {
    writeLearnerEdits();
    const { screen, closed } = openLesson();
    await screen.answer(whatNext, ...pick('reset'));
    await screen.answer('Put the starter back in', 'y');
    expect(screen.text).toContain(`${lesson.slug}/${file}? Your changes there will be lost.`);
    await screen.waitFor('Fresh start:');
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
    expect(readFileSync(learnerFile, 'utf8')).toBe(starter);
  });

  it.each([['no', ['enter']] as const, ['Ctrl-C', ['ctrl-c']] as const, ['Esc', ['escape']] as const])(
    'keeps your file at %s, with the cursor still on "Reset the exercise"',
    async (_name, keys) => {
      writeLearnerEdits();
      const { screen, closed } = openLesson();
      await screen.answer(whatNext, ...pick('reset'));
      await screen.answer('Put the starter back in', ...keys);
      await screen.waitFor('Nothing was reset.');
      await screen.answer(whatNext, 'enter');
      await screen.answer('Put the starter back in', ...keys);
      await screen.waitFor('Nothing was reset.');
      await screen.answer(whatNext, 'ctrl-c');
      await closesWithin(closed);
      expect(readFileSync(learnerFile, 'utf8')).toBe('// my edits\n');
    },
  );
});

describe('the solution', () => {
  const comparison = `solutions/${lesson.slug}/${file}`;
  const question = 'You have not passed this lesson yet. Are you sure?';

  it.each([['no', 'n'] as const, ['Ctrl-C', 'ctrl-c'] as const])(
    'is not shown before you pass when you answer %s, and the cursor goes to the hints',
    async (_name, key) => {
      const { screen, closed } = openLesson();
      await screen.answer(whatNext, ...pick('solution'));
      await screen.answer(question, key);
      await screen.answer(whatNext, ...pick('hint', 'hint'));
      await screen.waitFor('Hint 1 of');
      await screen.answer(whatNext, 'ctrl-c');
      await closesWithin(closed);
      expect(screen.text).not.toContain(comparison);
    },
  );

  it('is shown before you pass after a yes', async () => {
    const { screen, closed } = openLesson();
    await screen.answer(whatNext, ...pick('solution'));
    await screen.answer(question, 'y');
    await screen.waitFor(comparison);
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
  });

  it('is shown without a question once you passed', async () => {
    updateProgress((progress) => (progress.lessons[lesson.slug] = { done: true }));
    const { screen, closed } = openLesson();
    await screen.answer(`Lesson ${lesson.number} ✔ done: what next?`, ...pick('solution'));
    await screen.waitFor(comparison);
    await screen.answer(`Lesson ${lesson.number} ✔ done: what next?`, 'ctrl-c');
    await closesWithin(closed);
    expect(screen.text).not.toContain(question);
  });
});

describe('switching language', () => {
  it('shows the lesson in the other language and hands the language back to the menu', async () => {
    const { screen, closed } = openLesson();
    await screen.answer(whatNext, ...pick('language'));
    await screen.answer('Which language should the lessons speak?', 'enter'); // the cursor is on the other one
    await screen.waitFor('Aapki file(s):');
    await screen.answer(`Lesson ${lesson.number}: ab kya karein?`, 'ctrl-c');
    expect(await closesWithin(closed)).toBe('hinglish');
    expect(loadProgress().progress.language).toBe('hinglish');
  });

  it('keeps the language at Ctrl-C on the question', async () => {
    const { screen, closed } = openLesson();
    await screen.answer(whatNext, ...pick('language'));
    await screen.answer('Which language should the lessons speak?', 'ctrl-c');
    await screen.answer(whatNext, 'ctrl-c');
    expect(await closesWithin(closed)).toBe('en');
    expect(loadProgress().progress.language).toBeUndefined();
  });
});

describe('askYesNo (the command line asks with it too)', () => {
  it.each([
    ['y', true],
    ['n', false],
    ['enter', false], // the cursor starts on No
    ['ctrl-c', false],
    ['escape', false],
  ] as const)('answers %s with %s', async (key, expected) => {
    const screen = new ScreenDriver();
    const answer = askYesNo('Reset?', screen);
    await screen.answer('Reset?', key);
    expect(await closesWithin(answer)).toBe(expected);
  });
});
