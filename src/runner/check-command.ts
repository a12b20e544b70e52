// `npm run lesson -- check <lesson>`: one check of the learner's copy, its verdict in plain
// words, and exit code 0 when it passes. cli-entry.mjs runs it with a vitest it made first
// thing in this process; cli.ts runs it with a vitest in a process of its own.
import path from 'node:path';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
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
  // After a verdict that is not yet a pass, what TypeScript says often helps; it comes after
  // the verdict (a cold type check takes a few seconds), so the verdict is never kept waiting.
  if (!result.passed && !result.typeIssues) {
    console.log(explainCheck(result, lesson, 'command line'));
    const { TypeChecker } = await import('../check/types-check/type-checker.ts');
    const { explainTypeIssues } = await import('../check/explain-types.ts');
    const checker = new TypeChecker();
    const files = lesson.exerciseFiles.map((file) => path.join(lessonPaths(lesson).playgroundDir, file));
    const lines = explainTypeIssues(await checker.check(files));
    await checker.stop();
    if (lines.length) console.log(`\n${lines.join('\n')}`);
    return 1;
  }
  console.log(explainCheck(result, lesson, 'command line'));
  return result.passed ? 0 : 1;
}
