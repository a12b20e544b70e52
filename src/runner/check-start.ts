// The first half of `check`: says which lesson it checks and starts the tests. Apart from
// check-command.ts, which words the verdict: a one-off check (cli-entry.mjs) starts its test
// worker before those words load through Vite. Measured on the shared 2-core machine (median
// of 6, loaded): 150 ms from vitest made to the check started, against 430 ms with this file
// and check-entry.ts merged into check-command.ts.
import { setImmediate } from 'node:timers/promises';
import type { CheckReport, RunChecksOptions } from '../check/index.ts';
import type { LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';
import type { Language } from '../progress/progress-store.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
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
  // TypeScript looks at the learner's files in a thread beside the tests, which run them with
  // types stripped. A pass waits for its view (it may disagree with the code that passed: the
  // menu's check does the same); a fail gives it only if it is in already, to answer fast.
  const types =
    target === 'playground'
      ? import('../check/types-check/type-checker.ts').then((checker) => checker.typeIssuesOnce(lesson))
      : undefined;
  const { runChecks } = await import('../check/run-checks.ts');
  const report = await runChecks([{ lesson, target }], { inThisProcess });
  if (!types) return report;
  const typeIssues = await (report.passed ? types : Promise.race([types, setImmediate(undefined)]));
  return { ...report, results: report.results.map((result) => ({ ...result, typeIssues })) };
}
