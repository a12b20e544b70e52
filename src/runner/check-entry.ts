// The `check` command as cli-entry.mjs starts it: vitest is already made in this process
// (first thing, to save the learner's wait), and this module was loaded through it.
import type { Vitest } from 'vitest/node';
import { findLesson } from '../lessons/catalog.ts';
import { ensurePlayground } from '../playground/exercise-copies.ts';
import { loadProgress } from '../progress/progress-store.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { startCheck } from './check-start.ts';
import { paint } from '../terminal/terminal.ts';

/**
 * Runs `check <name>` on `vitest` (made with RUN_MARK=`mark`); answers the exit code, or
 * undefined when `name` is no lesson (cli.ts says so, with the list of lessons).
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
