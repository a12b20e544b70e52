// Checking the learner's code from the menu and in watch mode, through the check engine
// (src/check). The engine is imported only when a check is asked for: the menu must start fast.
import path from 'node:path';
import { lessonPaths, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { recordCheck, type Language } from '../progress/progress-store.ts';
import type { CheckResult, WarmCheck } from '../check/index.ts';
import { hintCount } from './lesson-actions.ts';
import { lessonWords, type ReadIn } from './lesson-words.ts';
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

// The verdicts that say something about the learner's code: a failing test, or code that would
// not load, never ended, or threw. A check that could not run (the database did not start,
// vitest crashed) says nothing about it, and leaves "done" as it was.
const learnersProblems = new Set(['load-error', 'busy', 'waiting', 'ended-itself', 'unhandled-error']);

/** Saves what the check says about the learner's code: done after a pass, not done after a fail. */
export function recordVerdict(lesson: LessonEntry, result: CheckResult): void {
  if (result.passed) recordCheck(lesson.slug, true);
  else if (
    result.tests.some((test) => test.state === 'failed') ||
    result.strayError ||
    (result.problem && learnersProblems.has(result.problem.kind))
  )
    recordCheck(lesson.slug, false);
}

type ExplainCheck = typeof import('../check/index.ts')['explainCheck'];

/**
 * The check's explanation (by `explainCheck`, loaded with the check engine) for the learner,
 * in their language, pointing to the solution rather than to "the next hint" once every
 * hint was seen.
 */
export function verdictText(
  explainCheck: ExplainCheck,
  result: CheckResult,
  lesson: LessonEntry,
  readIn: ReadIn,
  language: Language,
): string {
  // src/check translates its verdicts and takes the language as its fourth argument; a
  // version that does not yet ignores it.
  const explain = explainCheck as (
    result: CheckResult,
    lesson: LessonEntry,
    readIn: ReadIn,
    language: Language,
  ) => string;
  const text = explain(result, lesson, readIn, language);
  const { total, shown } = hintCount(lesson);
  if (result.passed || shown < total) return text;
  const pointer =
    readIn === 'menu'
      ? 'Stuck? Pick "Next hint" in the lesson menu.'
      : `Stuck? The next hint is one command away: npm run lesson -- hint ${lesson.number}`;
  return text.replace(pointer, lessonWords(language).allHintsSeen(lesson.number, total, readIn));
}

/** Checks the learner's copy once on `warm`; the verdict is saved in progress. */
export async function checkOnce(
  warm: WarmCheck,
  lesson: LessonEntry,
  readIn: ReadIn,
  language: Language = 'en',
): Promise<CheckVerdict> {
  const { explainCheck } = await import('../check/index.ts');
  const result = await warm.run();
  recordVerdict(lesson, result);
  return { passed: result.passed, text: verdictText(explainCheck, result, lesson, readIn, language) };
}

/** What to say as a watch's check begins: which saved files it is about. */
export function checkAnnouncement(changed: string[], language: Language = 'en'): string {
  const words = lessonWords(language);
  return paint('dim', changed.length ? `\n${words.saved(changed.join(', '))}` : words.checkingNow);
}

export interface WatchOptions {
  onVerdict: (verdict: CheckVerdict) => void;
  /** Settles when the learner stopped watching. */
  until: Promise<unknown>;
  onStart?: (changed: string[]) => void;
  readIn?: ReadIn;
  language?: Language;
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
  const readIn = options.readIn ?? 'command line';
  const watcher = watchLesson(lesson, {
    warm: options.warm,
    onStart: (changed) => options.onStart?.(changed.map((file) => path.relative(projectRoot, file))),
    onResult(result) {
      recordVerdict(lesson, result);
      const text = verdictText(explainCheck, result, lesson, readIn, options.language ?? 'en');
      options.onVerdict({ passed: result.passed, text });
      if (result.passed) resolvePassed(true);
    },
  });
  const passed = await Promise.race([passedOnce, options.until.then(() => false)]);
  await watcher.stop();
  return passed;
}
