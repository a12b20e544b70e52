// Checking the learner's code from the menu and in watch mode, through the check engine
// (src/check). The engine is imported only when a check is asked for: the menu must start fast.
import path from 'node:path';
import { lessonPaths, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { markDone } from '../progress/progress-store.ts';
import type { ReadIn, WarmCheck } from '../check/index.ts';
import { paint } from './terminal.ts';

export interface CheckVerdict {
  passed: boolean;
  /** The check's explanation in plain words. */
  text: string;
}

/** A warm check of the learner's copy of `lesson`, started now in the background (the menu's lesson screen). */
export async function warmCheckOf(lesson: LessonEntry): Promise<WarmCheck> {
  const { WarmCheck } = await import('../check/index.ts');
  const folder = lessonPaths(lesson).playgroundDir;
  const typeCheck = lesson.exerciseFiles.map((file) => path.join(folder, file));
  const warm = new WarmCheck({ lesson, target: 'playground' }, [folder + path.sep], { typeCheck });
  void warm.warmUp();
  return warm;
}

/** Checks the learner's copy once on `warm`; a pass is saved in progress. */
export async function checkOnce(warm: WarmCheck, lesson: LessonEntry, readIn: ReadIn): Promise<CheckVerdict> {
  const { explainCheck } = await import('../check/index.ts');
  const result = await warm.run();
  if (result.passed) markDone(lesson.slug);
  return { passed: result.passed, text: explainCheck(result, lesson, readIn) };
}

/** What to say as a watch's check begins: which saved files it is about. */
export function checkAnnouncement(changed: string[]): string {
  return paint('dim', changed.length ? `\nSaved: ${changed.join(', ')}. Checking…` : 'Checking…');
}

export interface WatchOptions {
  onVerdict: (verdict: CheckVerdict) => void;
  /** Settles when the learner stopped watching. */
  until: Promise<unknown>;
  onStart?: (changed: string[]) => void;
  /** The menu's watch points to its "Next hint"; on the command line the watch says a save checks again. */
  readIn?: ReadIn;
  /** The menu's warm check, kept after the watch; the watch makes and stops its own otherwise. */
  warm?: WarmCheck;
}

/**
 * Re-checks the lesson now and on every save until it passes or the learner stops watching.
 * Resolves true when it passed.
 */
export async function watchUntilPassed(lesson: LessonEntry, options: WatchOptions): Promise<boolean> {
  const { watchLesson, explainCheck } = await import('../check/index.ts');
  let resolvePassed!: (passed: boolean) => void;
  const passedOnce = new Promise<boolean>((resolve) => (resolvePassed = resolve));
  const watcher = watchLesson(lesson, {
    warm: options.warm,
    onStart: (changed) => options.onStart?.(changed.map((file) => path.relative(projectRoot, file))),
    onResult(result) {
      if (result.passed) markDone(lesson.slug);
      options.onVerdict({ passed: result.passed, text: explainCheck(result, lesson, options.readIn ?? 'watch') });
      if (result.passed) resolvePassed(true);
    },
  });
  const passed = await Promise.race([passedOnce, options.until.then(() => false)]);
  await watcher.stop();
  return passed;
}
