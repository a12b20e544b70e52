// `npm run lesson -- check <lesson>` and `watch <lesson>`: the verdict in plain words, in the
// learner's language, then where to go once it passes; check's exit code is 0 when it passes.
// cli-entry.mjs runs check with a vitest it made first thing in this process (checkWithVitest);
// cli.ts runs it with a vitest in a process of its own, and honours LESSON_TARGET (an
// instructor checking the solution or a known mistake: that copy's verdict, and the learner's
// progress untouched).
import type { Vitest } from 'vitest/node';
import type { RunChecksOptions } from '../check/index.ts';
import { findLesson, type LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';
import { ensurePlayground } from '../playground/exercise-copies.ts';
import { loadProgress, type Language } from '../progress/progress-store.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import { shuttingDown } from '../processes/shutdown.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { afterPassing } from './after-pass.ts';
import { checkAnnouncement, recordVerdict, verdictText, watchUntilPassed } from './check-actions.ts';
import { listenForStop } from './keys.ts';
import { lessonWords } from './lesson-words.ts';
import { paint } from './terminal.ts';

export interface CheckCommandOptions {
  language: Language;
  /** The copy to check (LESSON_TARGET); the learner's own by default. */
  target?: ExerciseTarget;
  inThisProcess?: RunChecksOptions['inThisProcess'];
}

/**
 * Runs `check <name>` on `vitest`, made by cli-entry.mjs with RUN_MARK=`mark`; answers the exit
 * code, or undefined when `name` is no lesson (cli.ts says so, with the list of lessons).
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
  // The check's workers start from this process: what they leave in the temporary folder goes with it.
  const temp = makeScratchFolder().path;
  process.env.TMPDIR = process.env.TMP = process.env.TEMP = temp;
  return checkCommand(lesson, { language: loaded.progress.language ?? 'en', inThisProcess: { vitest, mark } });
}

/** Checks `lesson` once, prints the verdict, and answers the exit code (0 passed, 1 not). */
export async function checkCommand(lesson: LessonEntry, options: CheckCommandOptions): Promise<number> {
  const { language, inThisProcess } = options;
  const target = options.target ?? 'playground';
  const copy = target === 'playground' ? '' : ` (LESSON_TARGET=${target})`;
  console.log(paint('dim', `${lessonWords(language).checkingLesson(lesson.number)}${copy}`));
  const check = await import('../check/index.ts');
  const { results } = await check.runChecks([{ lesson, target }], { inThisProcess });
  // Stopped from outside (Ctrl-C, npm gone): the check ended unfinished, and nobody waits for its words.
  if (shuttingDown()) return 1;
  const result = results[0];
  const learners = target === 'playground';
  if (learners) recordVerdict(lesson, result);
  console.log(verdictText(check, result, lesson, 'command line', language));
  if (learners && result.passed) console.log(`\n${afterPassing(lesson, language, 'command line')}`);
  return result.passed ? 0 : 1;
}

/** Checks `lesson` now and on every save until it passes (exit code 0) or the learner stops (1). */
export async function watchCommand(lesson: LessonEntry, language: Language): Promise<number> {
  const keys = listenForStop();
  console.log(paint('dim', lessonWords(language).watchingLesson(lesson.number)));
  const passed = await watchUntilPassed(lesson, {
    onVerdict: (verdict) => console.log(verdict.text),
    onLateTypes: (text) => console.log(`\n${text}`),
    until: keys.pressed,
    onStart: (changed) => console.log(checkAnnouncement(changed, language)),
    language,
  });
  keys.release();
  if (passed) console.log(`\n${afterPassing(lesson, language, 'command line')}`);
  return passed ? 0 : 1;
}
