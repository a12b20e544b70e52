// `npm run lesson -- check <lesson>`: one check of the learner's copy, its verdict in plain
// words, and exit code 0 when it passes. cli-entry.mjs runs it with a vitest it made first
// thing in this process; cli.ts runs it with a vitest in a process of its own.
import path from 'node:path';
import type { LessonEntry } from '../lessons/catalog.ts';
import { markDone } from '../progress/progress-store.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import type { RunChecksOptions } from '../check/index.ts';
import { paint } from './terminal.ts';

/** Checks `lesson` once, prints the verdict, and answers the exit code (0 passed, 1 not). */
export async function checkCommand(
  lesson: LessonEntry,
  inThisProcess?: RunChecksOptions['inThisProcess'],
): Promise<number> {
  console.log(paint('dim', `Checking lesson ${lesson.number}…`));
  if (inThisProcess) {
    // The check's workers start from this process: what they leave in the temporary folder goes with it.
    const temp = path.join(makeScratchFolder().path);
    process.env.TMPDIR = process.env.TMP = process.env.TEMP = temp;
  }
  const { runChecks, explainCheck } = await import('../check/index.ts');
  const { results } = await runChecks([{ lesson, target: 'playground' }], { inThisProcess });
  const result = results[0];
  if (result.passed) markDone(lesson.slug);
  console.log(explainCheck(result, lesson, 'command line'));
  return result.passed ? 0 : 1;
}
