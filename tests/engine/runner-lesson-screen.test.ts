// One lesson in `npm start`, driven through its input and output streams as a learner would at
// a terminal: reading a page at a time, hints, opening the files, reset and the solution behind
// their questions, switching language, and going back, with Ctrl-C at every prompt meaning "no"
// or "back", never a crash or a hang. The warm check is a stand-in here (these tests only move
// around the screen); checking has tests of its own (check-*.test.ts, runner-check.test.ts,
// runner-lesson-verdicts.test.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closesWithin, idleWarmCheck, isolateScreens, ScreenDriver, type Key } from './runner-screen-driver.ts';

isolateScreens();
const { allLessons, findLesson, lessonPaths } = await import('../../src/lessons/catalog.ts');
const { lessonScreen } = await import('../../src/runner/lesson-screen.ts');
const { askYesNo } = await import('../../src/runner/screen.ts');
const { hintCount } = await import('../../src/runner/lesson-texts.ts');
const { solutionComparison } = await import('../../src/runner/solution-diff.ts');
const { loadProgress, updateProgress } = await import('../../src/progress/progress-store.ts');
type OpenOptions = Parameters<typeof import('../../src/runner/editor.ts').openInEditor>[1];

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

/** Opens a lesson screen on a screen of its own; `opened` records the files its editor was asked to open. */
function openLesson(language: 'en' | 'hinglish' = 'en', which = lesson, size?: { columns: number; rows: number }) {
  const screen = new ScreenDriver(size);
  const warm = idleWarmCheck();
  const opened: string[][] = [];
  const closed = lessonScreen(which, language, {
    input: screen.input,
    output: screen.output,
    warmCheckOf: warm.warmCheckOf,
    openFiles: (files: string[], options: OpenOptions) => {
      opened.push(files);
      return `Opened ${files.length} file(s) in a pretend editor (${options.language}).`;
    },
  });
  return { screen, warm, closed, opened };
}

function writeLearnerEdits(): void {
  mkdirSync(path.dirname(learnerFile), { recursive: true });
  writeFileSync(learnerFile, '// my edits\n');
}

const progressOfLesson = () => loadProgress().progress.lessons[lesson.slug] ?? {};

describe('the lesson screen', () => {
  it('shows the lesson, remembers it was opened, and goes back with "Back to the lessons"', async () => {
    const { screen, warm, closed } = openLesson();
    await screen.skipReading();
    await screen.waitFor('Your file(s) to edit:');
    await screen.waitFor(`playground/${lesson.slug}/${file}`);
    await screen.answer(whatNext, ...pick('back'));
    expect(await closesWithin(closed)).toEqual({ language: 'en' });
    expect(warm.stopped()).toBe(true);
    expect(loadProgress().progress.lastLesson).toBe(lesson.slug);
  });

  it('shows the lesson again with "Read the lesson again"', async () => {
    const { screen, closed } = openLesson();
    await screen.skipReading();
    await screen.answer(whatNext, ...pick('read'));
    await screen.skipReading();
    await screen.waitFor('Your file(s) to edit:');
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
  });

  it('shows the next hint each time, counts it, and keeps the cursor on the hints: Enter gives the next', async () => {
    const { screen, closed } = openLesson();
    await screen.skipReading();
    await screen.answer(whatNext, ...pick('hint'));
    await screen.waitFor('Hint 1 of');
    expect(progressOfLesson().hintsShown).toBe(1);
    await screen.answer(whatNext, 'enter');
    await screen.waitFor('Hint 2 of');
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
    expect(progressOfLesson().hintsShown).toBe(2);
  });

  it('after the last hint, points to the solution, then offers the hints again from the first', async () => {
    const { total } = hintCount(lesson);
    updateProgress((progress) => (progress.lessons[lesson.slug] = { hintsShown: total - 1 }));
    const { screen, closed } = openLesson();
    await screen.skipReading();
    await screen.answer(whatNext, ...pick('hint'));
    await screen.waitFor(`Hint ${total} of ${total}`);
    await screen.waitFor('That was the last hint. Still stuck? Pick "Compare with the solution".');
    await screen.answer(whatNext); // the cursor stays on the hints
    await screen.waitFor(`Hints again, from the first (all ${total} seen)`);
    screen.press('enter');
    await screen.waitFor(`Hint 1 of ${total}`);
    await screen.answer(whatNext, 'enter');
    await screen.waitFor(`Hint 2 of ${total}`);
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
  });

  it('goes back at Ctrl-C on its menu, and stops its warm check', async () => {
    const { screen, warm, closed } = openLesson();
    await screen.skipReading();
    await screen.answer(whatNext, 'ctrl-c');
    expect(await closesWithin(closed)).toEqual({ language: 'en' });
    expect(warm.stopped()).toBe(true);
  });
});

describe('reading a lesson longer than the screen', () => {
  it('shows it from its first line, a page at a time, and the files to edit after the last page', async () => {
    const { screen, closed } = openLesson();
    await screen.waitFor('── ');
    const firstPage = screen.text.slice(0, screen.text.indexOf('── '));
    const heading = readFileSync(path.join(lessonPaths(lesson).lessonDir, 'lesson.md'), 'utf8').split('\n')[0];
    expect(firstPage).toContain(heading.replace(/^#\s+/, ''));
    expect(firstPage.split('\n').length).toBeLessThanOrEqual(screen.output.rows);
    expect(firstPage).not.toContain('Your file(s) to edit:');
    // Space and Enter turn the page, until the end: then the files, then the actions.
    screen.press('space');
    let pages = 1;
    while ((await screen.waitForAny(['Space or Enter: more', 'Your file(s) to edit:'])) !== 'Your file(s) to edit:') {
      screen.press(++pages % 2 ? 'space' : 'enter');
      expect(pages, 'pages of one lesson').toBeLessThan(20);
    }
    expect(pages).toBeGreaterThan(2);
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
  });

  // The lessons whose last page, with the menu under it, was taller than the tester's 100 by 40 tmux.
  it.each([
    ['01', 'en'],
    ['04', 'en'],
    ['06', 'en'],
    ['04', 'hinglish'],
    ['06', 'hinglish'],
  ] as const)('keeps the whole last page of lesson %s (%s) on screen above the menu', async (number, language) => {
    const size = { columns: 100, rows: 40 };
    const { screen, closed } = openLesson(language, findLesson(number)!, size);
    const more = language === 'en' ? 'Space or Enter: more' : 'Space ya Enter: aage padhiye';
    const menu = `Lesson ${number}: `;
    while ((await screen.waitForAny([more, menu])) === more) screen.press('space');
    await screen.waitFor('└');
    // Everything after the last page-turn prompt, up to the menu's last line, is on screen at once.
    const prompt = language === 'en' ? 'skip to the menu ──' : 'seedha menu pe ──';
    const shown = screen.text.slice(screen.text.lastIndexOf(prompt) + prompt.length);
    expect(shown.split('\n').length, shown).toBeLessThanOrEqual(size.rows);
    screen.press('ctrl-c');
    await closesWithin(closed);
  });

  it.each(['q', 'escape', 'ctrl-c'] as const)('skips to the files to edit and the menu at %s', async (key) => {
    const { screen, closed } = openLesson();
    await screen.waitFor('── ');
    screen.press(key);
    await screen.waitFor('Your file(s) to edit:');
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
  });
});

describe('opening the files to edit', () => {
  it('opens the one file of a lesson that has one', async () => {
    const { screen, closed, opened } = openLesson();
    await screen.skipReading();
    await screen.answer(whatNext, ...pick('edit'));
    await screen.waitFor('Opened 1 file(s) in a pretend editor (en).');
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
    expect(opened).toEqual([[learnerFile]]);
  });

  it('asks which one when a lesson has several, all of them at once or one alone', async () => {
    const model = findLesson('03')!;
    const files = model.exerciseFiles.map((name) => path.join(lessonPaths(model).playgroundDir, name));
    const { screen, closed, opened } = openLesson('en', model);
    await screen.skipReading();
    await screen.answer('Lesson 03: what next?', ...pick('edit'));
    await screen.answer('Which file?');
    for (const name of model.exerciseFiles) await screen.waitFor(`playground/${model.slug}/${name}`);
    expect(files).toHaveLength(2);
    await screen.waitFor('Both files');
    screen.press('enter'); // the cursor starts on "Both files"
    await screen.answer('Lesson 03: what next?', ...pick('edit', 'check'));
    await screen.answer('Which file?', 'up', 'enter'); // the last file alone
    await screen.answer('Lesson 03: what next?', ...pick('edit', 'check'));
    await screen.answer('Which file?', 'escape'); // none after all
    await screen.answer('Lesson 03: what next?', ...pick('edit', 'check'));
    await screen.answer('Which file?', 'ctrl-c'); // none either
    await screen.answer('Lesson 03: what next?', 'ctrl-c');
    await closesWithin(closed);
    expect(opened).toEqual([files, [files[files.length - 1]]]);
  });
});

describe('reset', () => {
  it('puts the starter back after a yes', async () => {
    writeLearnerEdits();
    const { screen, closed } = openLesson();
    await screen.skipReading();
    await screen.answer(whatNext, ...pick('reset'));
    await screen.answer('Put the starter back in', 'y');
    expect(screen.text).toContain(`${lesson.slug}/${file}? Your changes there will be lost.`);
    await screen.waitFor('Fresh start:');
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
    expect(readFileSync(learnerFile, 'utf8')).toBe(starter);
  });

  it('of a lesson that was done, says it is not done any more, and the list agrees', async () => {
    updateProgress((progress) => (progress.lessons[lesson.slug] = { done: true }));
    const { screen, closed } = openLesson();
    await screen.skipReading();
    await screen.answer(`Lesson ${lesson.number} ✔ done: what next?`, ...pick('reset'));
    await screen.answer('Put the starter back in', 'y');
    await screen.waitFor(`Lesson ${lesson.number} is not marked done any more`);
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
    expect(progressOfLesson()).toEqual({ passedOnce: true });
  });

  it.each([['no', ['enter']] as const, ['Ctrl-C', ['ctrl-c']] as const, ['Esc', ['escape']] as const])(
    'keeps your file at %s, with the cursor still on "Reset the exercise"',
    async (_name, keys) => {
      writeLearnerEdits();
      const { screen, closed } = openLesson();
      await screen.skipReading();
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
      await screen.skipReading();
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
    await screen.skipReading();
    await screen.answer(whatNext, ...pick('solution'));
    await screen.answer(question, 'y');
    await screen.waitFor(comparison);
    await screen.skipReading(); // the starter and the solution differ by more than a screenful
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
  });

  it('is shown without a question once you passed, even when your code fails again since', async () => {
    updateProgress((progress) => (progress.lessons[lesson.slug] = { passedOnce: true }));
    const { screen, closed } = openLesson();
    await screen.skipReading();
    await screen.answer(whatNext, ...pick('solution'));
    await screen.waitFor(comparison);
    await screen.skipReading(); // the starter and the solution differ by more than a screenful
    await screen.answer(whatNext, 'ctrl-c');
    await closesWithin(closed);
    expect(screen.text).not.toContain(question);
  });
});

describe('the solution, compared', () => {
  it('is paged like the lesson when it is longer than the screen', async () => {
    const long = findLesson('07')!;
    updateProgress((progress) => (progress.lessons[long.slug] = { passedOnce: true }));
    const { screen, closed } = openLesson('en', long, { columns: 100, rows: 40 });
    await screen.skipReading();
    await screen.answer(`Lesson ${long.number}: what next?`, ...pick('solution'));
    await screen.waitFor(`solutions/${long.slug}/`);
    await screen.skipReading();
    await screen.answer(`Lesson ${long.number}: what next?`, 'ctrl-c');
    await closesWithin(closed);
  });

  it('explains - and + only when some line differs', () => {
    const mine = () => solutionComparison(lesson, 'en', (_, text) => text);
    writeLearnerEdits();
    expect(mine()).toContain("- your line   + the solution's line");
    writeFileSync(learnerFile, readFileSync(path.join(lessonPaths(lesson).solutionDir, file)));
    expect(mine()).toContain('Your file matches the solution exactly.');
    expect(mine()).not.toContain('your line');
  });
});

describe('switching language', () => {
  it('switches at once, shows the lesson in the other language, and hands the language back to the menu', async () => {
    const { screen, closed } = openLesson();
    await screen.skipReading();
    await screen.answer(whatNext, ...pick('language'));
    await screen.skipReading('q: seedha menu pe');
    await screen.waitFor('Aapko yeh file(s) edit karni hain:');
    await screen.answer(`Lesson ${lesson.number}: ab kya karein?`, 'ctrl-c');
    expect(await closesWithin(closed)).toEqual({ language: 'hinglish' });
    expect(loadProgress().progress.language).toBe('hinglish');
    expect(screen.text).not.toContain('Which language');
  });

  it('switches back to English from Hinglish the same way', async () => {
    const { screen, closed } = openLesson('hinglish');
    await screen.skipReading('q: seedha menu pe');
    await screen.answer(`Lesson ${lesson.number}: ab kya karein?`, ...pick('language'));
    await screen.skipReading();
    await screen.answer(whatNext, 'ctrl-c');
    expect(await closesWithin(closed)).toEqual({ language: 'en' });
  });
});

describe('in Hinglish', () => {
  it('says everything in Hinglish: the pages, the keys, the hints, the questions and their answers', async () => {
    writeLearnerEdits();
    const { total } = hintCount(lesson);
    updateProgress((progress) => (progress.lessons[lesson.slug] = { hintsShown: total - 1 }));
    const { screen, closed } = openLesson('hinglish');
    const whatNow = `Lesson ${lesson.number}: ab kya karein?`;
    await screen.waitFor('Space ya Enter: aage padhiye · q: seedha menu pe');
    screen.press('q');
    await screen.waitFor('Aapko yeh file(s) edit karni hain:');
    await screen.answer(whatNow);
    await screen.waitFor('↑/↓ se upar-neeche • Enter se chuniye'); // under the question: clack's own is English
    await screen.waitFor('App chalaiye (Run the app)');
    screen.press('down');
    screen.press('down');
    screen.press('down');
    screen.press('down');
    screen.press('enter');
    await screen.waitFor(`Hint ${total} (${total} mein se)`);
    await screen.waitFor('Yeh aakhri hint tha. Ab bhi atke hue hain? "Solution se compare kijiye" chuniye.');
    await screen.answer(whatNow, ...pick('reset', 'hint'));
    await screen.waitFor(`${lesson.slug}/${file} mein starter wapas daal dein?`);
    await screen.waitFor('Haan / ● Nahi');
    screen.press('enter');
    await screen.waitFor('Kuch reset nahi hua.');
    await screen.answer(whatNow, 'up', 'up', 'up', 'up', 'up', 'enter'); // from "reset" up to "edit"
    await screen.waitFor('Opened 1 file(s) in a pretend editor (hinglish).');
    await screen.answer(whatNow, 'ctrl-c');
    await closesWithin(closed);
    // Everything the runner said itself, after the lesson's own text and its first page prompt.
    const said = screen.text.slice(screen.text.indexOf('Aapko yeh file(s) edit karni hain:'));
    for (const english of ['to navigate', 'Enter: confirm', ' of ', 'Pick', 'Yes', 'Nothing was', 'Next hint', 'done'])
      expect(said, `"${english}" is English`).not.toContain(english);
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
