// The first half of `check`: says which lesson it checks and starts the tests. Apart from
// check-command.ts, which words the verdict: a one-off check (cli-entry.mjs) starts its test
// worker before those words load through Vite. Measured on the shared 2-core machine (median
// of 6, loaded): 150 ms from vitest made to the check started, against 430 ms with this file
// merged into check-command.ts.
import type { Vitest } from 'vitest/node';
import type { CheckReport, RunChecksOptions } from '../check/index.ts';
import { findLesson, type LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';
import { ensurePlayground } from '../playground/exercise-copies.ts';
import { loadProgress, type Language } from '../progress/progress-store.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { lessonWords } from './lesson-words.ts';
import { paint } from '../terminal/terminal.ts';

export interface CheckStartOptions {
  language: Language;
  /** The copy to check (LESSON_TARGET); the learner's own by default. */
  target?: ExerciseTarget;
  inThisProcess?: RunChecksOptions['inThisProcess'];
}

/** Says "Checking lesson N…" and starts its tests; resolves with their report. */
export async function startCheck(lesson: LessonEntry, options: CheckStartOptions): Promise<CheckReport> {
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
  return runChecks([{ lesson, target }], { inThisProcess });
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
  const options = { language: loaded.progress.language ?? 'en', inThisProcess: { vitest, mark } } as const;
  // The tests start first; the words of the verdict load while the test worker starts.
  const started = startCheck(lesson, options);
  const { checkCommand } = await import('./check-command.ts');
  return checkCommand(lesson, options, started);
}
