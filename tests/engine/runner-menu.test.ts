// `npm start`'s menu, driven through its input and output streams as a learner would at a
// terminal: it lists the lessons, opens the chosen one, goes on to the next one after a pass,
// switches language (and then speaks it everywhere), and quits cleanly at Esc or Ctrl-C
// wherever it asks.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  checkResult,
  closesWithin,
  idleWarmCheck,
  isolateScreens,
  ScreenDriver,
  scriptedWarmCheck,
} from './runner-screen-driver.ts';

const { progressFile } = isolateScreens();
const { allLessons } = await import('../../src/lessons/catalog.ts');
const { openMenu } = await import('../../src/runner/menu.ts');

const lessons = allLessons();

/** Opens the menu on a screen of its own. */
function startMenu() {
  const screen = new ScreenDriver();
  const warm = idleWarmCheck();
  const closed = openMenu({ input: screen.input, output: screen.output, warmCheckOf: warm.warmCheckOf });
  return { screen, warm, closed };
}

function savedProgress() {
  return JSON.parse(readFileSync(progressFile(), 'utf8'));
}

function startFrom(progress: object): void {
  writeFileSync(progressFile(), JSON.stringify(progress));
}

describe('the menu', () => {
  it('lists every lesson with its progress mark, opens the chosen one, and comes back to the list', async () => {
    startFrom({ language: 'en', lessons: { [lessons[0].slug]: { done: true } } });
    const { screen, warm, closed } = startMenu();
    await screen.answer(`Which lesson? (1 of ${lessons.length} done)`);
    await screen.waitFor('Quit');
    expect(screen.text).toContain(`✔ ${lessons[0].number}  ${lessons[0].title}`);
    expect(screen.text).toContain(`▶ ${lessons[1].number}  ${lessons[1].title} (continue here)`);
    for (const lesson of lessons.slice(2)) expect(screen.text).toContain(`· ${lesson.number}  ${lesson.title}`);

    screen.press('down'); // the cursor starts on the lesson to continue
    screen.press('enter');
    await screen.skipReading();
    await screen.waitFor(`playground/${lessons[2].slug}/${lessons[2].exerciseFiles[0]}`);
    await screen.answer(`Lesson ${lessons[2].number}: what next?`, 'ctrl-c');
    expect(savedProgress().lastLesson).toBe(lessons[2].slug);

    await screen.answer('Which lesson?', 'escape');
    await closesWithin(closed);
    expect(warm.stopped()).toBe(true);
    expect(screen.text).toContain('See you soon! Your progress is saved.');
  });

  it('asks for the language the first time, remembers it, and speaks it everywhere', async () => {
    const { screen, closed } = startMenu();
    await screen.waitFor('Welcome! Your progress will be saved as you go.');
    await screen.answer('Which language should the lessons speak?', 'down', 'enter');
    await screen.answer(`Kaunsa lesson? (${lessons.length} mein se 0 ho gaye)`);
    await screen.waitFor('↑/↓ se upar-neeche • Enter se chuniye'); // under the question: clack's own is English
    await screen.waitFor(`${lessons[0].number}  ${lessons[0].titleHinglish} (yahan se aage)`);
    await screen.waitFor('Switch to English');
    await screen.waitFor('Band kijiye');
    screen.press('ctrl-c');
    await closesWithin(closed);
    expect(savedProgress().language).toBe('hinglish');
    await screen.waitFor('Phir milenge! Aapki progress save hai.');
    const afterChoosing = screen.text.slice(screen.text.indexOf('Kaunsa lesson?'));
    for (const english of ['to navigate', 'Enter: confirm', 'continue here', 'Quit', 'See you soon', ' done'])
      expect(afterChoosing, `"${english}" is English`).not.toContain(english);
  });

  it('counts and marks the lessons done in Hinglish', async () => {
    const done = Object.fromEntries(lessons.map((lesson) => [lesson.slug, { done: true }]));
    startFrom({ language: 'hinglish', lastLesson: lessons[1].slug, lessons: done });
    const { screen, closed } = startMenu();
    await screen.answer(`Kaunsa lesson? (${lessons.length} mein se ${lessons.length} ho gaye)`);
    await screen.waitFor(`✔ ${lessons[1].number}  ${lessons[1].titleHinglish} (ho gaya)`);
    screen.press('escape');
    await closesWithin(closed);
  });

  it('goes on to the next lesson straight from a lesson that passed', async () => {
    startFrom({ language: 'en', lessons: {} });
    const screen = new ScreenDriver();
    const closed = openMenu({
      input: screen.input,
      output: screen.output,
      ...scriptedWarmCheck([checkResult(lessons[0], 2)]),
    });
    await screen.answer('Which lesson? (0 of', 'enter');
    await screen.skipReading();
    await screen.answer(`Lesson ${lessons[0].number}: what next?`, 'down', 'down', 'enter');
    await screen.waitFor('Passed!');
    await screen.answer(`Lesson ${lessons[0].number} ✔ done: what next?`, 'enter');
    await screen.skipReading();
    await screen.answer(`Lesson ${lessons[1].number}: what next?`, 'ctrl-c');
    await screen.answer(`Which lesson? (1 of ${lessons.length} done)`, 'escape');
    await closesWithin(closed);
    expect(savedProgress().lastLesson).toBe(lessons[1].slug);
  });

  it('switches the language from the list', async () => {
    startFrom({ language: 'en', lessons: {} });
    const { screen, closed } = startMenu();
    // Below the lessons: "Switch to Hinglish", then "Quit".
    await screen.answer('Which lesson?', ...lessons.map(() => 'down' as const), 'enter');
    await screen.answer('Kaunsa lesson?');
    await screen.waitFor('Switch to English');
    expect(savedProgress().language).toBe('hinglish');
    screen.press('escape');
    await closesWithin(closed);
    expect(screen.text).toContain(`${lessons[0].number}  ${lessons[0].titleHinglish}`);
  });

  it.each(['escape', 'ctrl-c'] as const)('quits at %s in the list', async (key) => {
    startFrom({ language: 'en', lessons: {} });
    const { screen, closed } = startMenu();
    await screen.answer('Which lesson?', key);
    await closesWithin(closed);
    expect(screen.text).toContain('See you soon! Your progress is saved.');
  });

  it('says goodbye at Ctrl-C on the first language question, and saves no language', async () => {
    const { screen, closed } = startMenu();
    await screen.answer('Which language should the lessons speak?', 'ctrl-c');
    await closesWithin(closed);
    expect(screen.text).toContain('See you soon!');
    expect(existsSync(progressFile())).toBe(false);
  });
});
