// `npm run lesson -- check <lesson>` and `watch <lesson>`: the verdict in plain words, in the
// learner's language, then where to go once it passes; check's exit code is 0 when it passes.
// cli-entry.mjs runs check with a vitest it made first thing in this process; cli.ts runs it
// with a vitest in a process of its own, and honours LESSON_TARGET (an instructor checking the
// solution or a known mistake: that copy's verdict, and the learner's progress untouched).
// One file: loading the verdict's words before the tests start costs cli-entry.mjs about 20 ms
// (from vitest made to the check started, median of 10 alternated runs on the shared 2-core
// machine: 170 ms against 150 ms with them loaded after), too little for a file of its own.
import type { Vitest } from 'vitest/node';
import type { RunChecksOptions } from '../check/index.ts';
import { findLesson, type LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';
import { ensurePlayground } from '../playground/exercise-copies.ts';
import { loadProgress, type Language } from '../progress/progress-store.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import { shuttingDown } from '../processes/shutdown.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { afterPassing, checkAnnouncement, recordVerdict, verdictText, watchUntilPassed } from './check-actions.ts';
import { lessonWords } from './lesson-words.ts';
import { fitToScreen, paint } from '../terminal/terminal.ts';

interface CheckOptions {
  language: Language;
  /** The copy to check (LESSON_TARGET); the learner's own by default. */
  target?: ExerciseTarget;
  inThisProcess?: RunChecksOptions['inThisProcess'];
}

/** Prints `text` folded between words to the terminal's columns, as the menu's screens are. */
function say(text: string): void {
  console.log(fitToScreen(text, process.stdout));
}

/** Says "Checking lesson N…", checks `lesson` once, prints the verdict, and answers the exit code (0 passed, 1 not). */
export async function checkCommand(lesson: LessonEntry, options: CheckOptions): Promise<number> {
  const { language, inThisProcess } = options;
  const target = options.target ?? 'playground';
  const copy = target === 'playground' ? '' : ` (LESSON_TARGET=${target})`;
  console.log(paint('dim', `${lessonWords(language).checkingLesson(lesson.number)}${copy}`));
  if (inThisProcess) {
    // The check's workers start from this process: what they leave in the temporary folder goes with it.
    const temp = makeScratchFolder().path;
    process.env.TMPDIR = process.env.TMP = process.env.TEMP = temp;
  }
  // No TypeScript here: its first look at Mongoose's types takes about 8 s of CPU, which made
  // `check 3` pass in 10.6 s instead of 3.6 s (median of 5, alternated, beside a floor of 0.55 s
  // for `node --import tsx -e 0`). The menu's check and watch keep it warm and show its view.
  const { runChecks } = await import('../check/run-checks.ts');
  const started = runChecks([{ lesson, target }], { inThisProcess });
  // The words of the verdict load while the test worker starts.
  const check = await import('../check/index.ts');
  const { results } = await started;
  // Stopped from outside (Ctrl-C, npm gone): the check ended unfinished, and nobody waits for its words.
  if (shuttingDown()) return 1;
  const result = results[0];
  const learners = target === 'playground';
  if (learners) recordVerdict(lesson, result);
  say(verdictText(check, result, lesson, 'command line', language));
  if (learners && result.passed) say(`\n${afterPassing(lesson, language, 'command line')}`);
  return result.passed ? 0 : 1;
}

/**
 * The `check <name>` of cli-entry.mjs, on the `vitest` it made first thing (with RUN_MARK=`mark`),
 * and through which it loaded this file; answers the exit code, or undefined when `name` is no
 * lesson (cli.ts says so, with the list of lessons).
 */
export async function checkWithVitest(name: string, vitest: Vitest, mark: string): Promise<number | undefined> {
  const lesson = findLesson(name);
  if (!lesson) return undefined;
  takeCharge();
  const loaded = loadProgress();
  if (loaded.notice && !loaded.missing) console.error(paint('yellow', loaded.notice));
  // A lesson that arrived after `npm install` (a git pull) gets its working copy now; edits are never touched.
  const problems = await ensurePlayground();
  const problem = problems.find((entry) => entry.lesson === lesson);
  if (problem) {
    console.error(paint('yellow', problem.message));
    return 1;
  }
  return checkCommand(lesson, { language: loaded.progress.language ?? 'en', inThisProcess: { vitest, mark } });
}

/** Checks `lesson` now and on every save until it passes (exit code 0) or the learner stops (1). */
export async function watchCommand(lesson: LessonEntry, language: Language): Promise<number> {
  const { listenForStop } = await import('./keys.ts');
  const keys = listenForStop();
  say(paint('dim', lessonWords(language).watchingLesson(lesson.number)));
  const passed = await watchUntilPassed(lesson, {
    onVerdict: (verdict) => say(verdict.text),
    onLateTypes: (text) => say(`\n${text}`),
    until: keys.pressed,
    onStart: (changed) => say(checkAnnouncement(changed, language)),
    language,
  });
  keys.release();
  if (passed) say(`\n${afterPassing(lesson, language, 'command line')}`);
  return passed ? 0 : 1;
}
