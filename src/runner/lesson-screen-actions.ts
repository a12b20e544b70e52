// The lesson screen's actions, one function each: run the app, open the files, check, watch,
// a hint, the solution, reset, export the app. Each says what happened in the learner's language.
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isCancel } from '@clack/prompts';
import type { WarmCheck } from '../check/index.ts';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import { lessonProgress, loadProgress, type Language } from '../progress/progress-store.ts';
import { afterPassing, checkAnnouncement, checkOnce, typesPatienceMs, watchUntilPassed } from './check-actions.ts';
import { exerciseFiles, hintFor, resetLessonFiles, resetQuestion } from './lesson-actions.ts';
import { hintCount } from './lesson-texts.ts';
import { lessonWords } from './lesson-words.ts';
import type { openInEditor } from './editor.ts';
import { askYesNo, choose, log, say, type ScreenStreams } from './screen.ts';
import { paint } from '../terminal/terminal.ts';

/**
 * The rows of the actions' list the screen asks after each action: clack's bar, the question,
 * up to 11 actions, the key help, the closing bar and the row the cursor waits on.
 */
export const actionListRows = 16;

/** One lesson screen: what its actions work on. */
export interface ScreenState {
  lesson: LessonEntry;
  language: Language;
  streams: ScreenStreams;
  warm: WarmCheck;
  openFiles?: typeof openInEditor;
  /** Hints shown again after the last, from the first. */
  hintsAgain: number;
}

/** How a check from the menu ended. */
type CheckEnd = 'passed' | 'not passed' | 'stopped';

/** The menu says once which database the checks use, at the first check it runs. */
let databaseSaid = false;

/** Runs the lesson's app until the learner stops it; it restarts on every save meanwhile. */
export async function runApp({ lesson, language, streams }: ScreenState): Promise<void> {
  const { runAppInChild } = await import('./app-child.ts');
  const { output } = streams;
  const words = lessonWords(language);
  log.step(words.startingApp, { output });
  // The menu runs the learner's copy, whatever LESSON_TARGET says (main.ts says so once).
  const end = await runAppInChild(lesson, { target: 'playground', language });
  if (end.stoppedByLearner) log.info(words.appStopped, { output });
  else log.warn(words.appEndedEarly, { output });
}

const editWords = {
  en: { which: 'Which file?', all: (count: number) => (count === 2 ? 'Both files' : `All ${count} files`) },
  hinglish: {
    which: 'Kaunsi file kholein?',
    all: (count: number) => (count === 2 ? 'Dono files' : `Saari ${count} files`),
  },
};

/** Opens the exercise file in an editor; with several, asks which (or all of them). */
export async function editFiles({ lesson, language, streams, openFiles }: ScreenState): Promise<void> {
  const { output } = streams;
  const folder = lessonPaths(lesson).playgroundDir;
  const all = lesson.exerciseFiles.map((file) => path.join(folder, file));
  let files = all;
  if (all.length > 1) {
    const words = editWords[language];
    const picked = await choose<string>(language, {
      ...streams,
      message: words.which,
      initialValue: ':all',
      options: [
        ...exerciseFiles(lesson).map((shown, index) => ({ value: all[index], label: shown })),
        { value: ':all', label: words.all(all.length) },
      ],
    });
    if (isCancel(picked)) return;
    files = picked === ':all' ? all : [picked as string];
  }
  const open = openFiles ?? (await import('./editor.ts')).openInEditor;
  log.info(open(files, { language, say: (line) => log.info(line, { output }) }), { output });
}

/** One check on the warm check, until it ends or the learner stops it with Ctrl-C. */
export async function checkLesson({ lesson, language, streams, warm }: ScreenState): Promise<CheckEnd> {
  const { listenForStop } = await import('./keys.ts');
  const { output } = streams;
  const words = lessonWords(language);
  const databaseLine = databaseSaid
    ? undefined
    : import('../database/database-line.ts').then((m) => m.checkDatabaseLine(language)).catch(() => undefined);
  // No spinner: clack's would end the whole program at Ctrl-C.
  log.step(words.checking, { output });
  const keys = listenForStop(() => {}, { input: streams.input, ctrlCOnly: true });
  try {
    const verdict = await checkOnce(warm, lesson, 'menu', language, keys.pressed);
    if (!verdict) {
      log.info(words.checkStopped, { output });
      return 'stopped';
    }
    if (verdict.typesDisagree) log.warn(words.passedTypesDisagree, { output });
    else if (verdict.passed) log.success(paint('green', words.passed), { output });
    else log.warn(words.checked, { output });
    // Said at the first check that ends with a verdict (one stopped with Ctrl-C says nothing).
    databaseSaid = true;
    const line = await databaseLine;
    if (line) say(streams, paint('dim', line));
    say(streams, verdict.text);
    if (verdict.passed) log.success(afterPassing(lesson, language, 'menu'), { output });
    // A failing verdict did not wait for TypeScript; the menu's next question does, a little.
    const types = await Promise.race([verdict.typesLater, sleep(typesPatienceMs, undefined, { ref: false })]);
    if (types) say(streams, types);
    return verdict.passed ? 'passed' : 'not passed';
  } catch (error) {
    log.error(`${words.checkFailed}\n${error instanceof Error ? error.message : String(error)}`, { output });
    return 'not passed';
  } finally {
    keys.release();
  }
}

/** Checks again on every save until it passes or the learner stops; true when it passed. */
export async function watchLesson({ lesson, language, streams, warm }: ScreenState): Promise<boolean> {
  const { listenForStop } = await import('./keys.ts');
  const { output } = streams;
  const words = lessonWords(language);
  log.step(words.watching(exerciseFiles(lesson).join(', ')), { output });
  const keys = listenForStop(() => {}, { input: streams.input });
  try {
    const passed = await watchUntilPassed(lesson, {
      onVerdict: (verdict) => say(streams, '\n' + verdict.text),
      onLateTypes: (text) => say(streams, '\n' + text),
      until: keys.pressed,
      onStart: (changed) => say(streams, checkAnnouncement(changed, language)),
      readIn: 'menu',
      language,
      warm,
    });
    if (passed) log.success(`${words.watchPassed}\n${afterPassing(lesson, language, 'menu')}`, { output });
    else log.info(words.watchStopped, { output });
    return passed;
  } catch (error) {
    log.error(words.watchFailed(error instanceof Error ? error.message : String(error)), { output });
    return false;
  } finally {
    keys.release();
  }
}

/** The next hint; once every hint was seen, the hints again from the first. */
export function hint(state: ScreenState): void {
  const { lesson, language, streams } = state;
  const { total, shown } = hintCount(lesson);
  const which = shown >= total ? (state.hintsAgain++ % total) + 1 : undefined;
  say(streams, '\n' + hintFor(lesson, language, which, 'menu').text);
}

/** Shows the comparison; false when the learner chose not to look after all. */
export async function showSolution({ lesson, language, streams }: ScreenState): Promise<boolean> {
  if (!lessonProgress(loadProgress().progress, lesson.slug).passedOnce) {
    const sure = await askYesNo(lessonWords(language).solutionQuestion, streams, language);
    if (!sure) return false;
  }
  const { solutionComparison } = await import('./solution-diff.ts');
  const { showPaged } = await import('./pager.ts');
  // Paged like the lesson: a long comparison would otherwise scroll past before it is read.
  say(streams, '');
  await showPaged(solutionComparison(lesson, language), streams, {
    language,
    after: 'menu',
    rowsAfter: actionListRows,
  });
  return true;
}

/** Resets the exercise after a yes; false when the learner said no. */
export async function reset({ lesson, language, streams }: ScreenState): Promise<boolean> {
  const { output } = streams;
  if (!(await askYesNo(await resetQuestion(lesson, language), streams, language))) {
    log.info(lessonWords(language).nothingReset, { output });
    return false;
  }
  const { ReadOnlyCopyError } = await import('../playground/exercise-copies.ts');
  try {
    log.success(await resetLessonFiles(lesson, language), { output });
  } catch (error) {
    if (!(error instanceof ReadOnlyCopyError)) throw error;
    log.error(error.message, { output });
    return false;
  }
  return true;
}

/** Writes the learner's app to the default folder (the command line takes any other), and says what it wrote. */
export async function exportFromMenu({ language, streams }: ScreenState): Promise<void> {
  const { exportAndSay } = await import('./export-command.ts');
  const { defaultExportFolder } = await import('../export/export-app.ts');
  const { output } = streams;
  await exportAndSay(defaultExportFolder(), language, {
    info: (text) => log.info(text, { output }),
    warn: (text) => log.warn(text, { output }),
    error: (text) => log.error(text, { output }),
  });
}
