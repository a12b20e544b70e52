// Checking the learner's code, once or on every save, through the check engine (src/check).
// The engine is imported only when a check is asked for: the menu must start fast.
import path from 'node:path';
import { projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { markDone } from '../progress/progress-store.ts';
import { paint } from './terminal.ts';

export interface CheckVerdict {
  passed: boolean;
  /** The check's explanation in plain words. */
  text: string;
}

/** Where the verdict is read: it decides how the explanation points to the next hint. */
export type ReadIn = 'menu' | 'command line';

/** Runs the lesson's tests on the learner's copy once; a pass is saved in progress. */
export async function checkLesson(lesson: LessonEntry, readIn: ReadIn = 'command line'): Promise<CheckVerdict> {
  const { runChecks, explainCheck } = await import('../check/index.ts');
  const { results } = await runChecks([{ lesson, target: 'playground' }]);
  const result = results[0];
  if (!result)
    return { passed: false, text: 'The check gave no result. Try again; if it keeps happening, tell your instructor.' };
  if (result.passed) markDone(lesson.slug);
  return { passed: result.passed, text: explainCheck(result, lesson, readIn) };
}

/** Says, as a watch's check begins, which saved files it is about. */
export function announceCheck(changed: string[]): void {
  console.log(paint('dim', changed.length ? `\nSaved: ${changed.join(', ')}. Checking…` : 'Checking…'));
}

/**
 * Re-checks the lesson now and on every save until it passes or `until` settles (the
 * learner stopped watching). Each verdict goes to `onVerdict`; `onStart` runs as a check
 * begins. Resolves true when it passed.
 */
export async function watchUntilPassed(
  lesson: LessonEntry,
  onVerdict: (verdict: CheckVerdict) => void,
  until: Promise<unknown>,
  onStart: (changed: string[]) => void = () => {},
  readIn: ReadIn = 'command line',
): Promise<boolean> {
  const { watchLesson, explainCheck } = await import('../check/index.ts');
  let resolvePassed!: (passed: boolean) => void;
  const passedOnce = new Promise<boolean>((resolve) => (resolvePassed = resolve));
  const watcher = watchLesson(lesson, {
    onStart: (changed) => onStart(changed.map((file) => path.relative(projectRoot, file))),
    onResult(result) {
      if (result.passed) markDone(lesson.slug);
      onVerdict({ passed: result.passed, text: explainCheck(result, lesson, readIn) });
      if (result.passed) resolvePassed(true);
    },
  });
  const passed = await Promise.race([passedOnce, until.then(() => false)]);
  await watcher.stop();
  return passed;
}
