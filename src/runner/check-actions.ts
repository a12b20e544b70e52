// Checking the learner's code from the menu, the command line and in watch mode, through the
// check engine (src/check), and what the runner says once a lesson passes. The engine is
// imported only when a check is asked for: the menu must start fast.
import path from 'node:path';
import { allLessons, exportedLesson, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { lessonProgress, loadProgress, recordCheck, type Language } from '../progress/progress-store.ts';
import type { CheckResult, ProblemKind, ReadIn, WarmCheck } from '../check/index.ts';
import { hintCount, lessonTitle } from './lesson-texts.ts';
import { lessonWords } from './lesson-words.ts';
import { paint } from '../terminal/terminal.ts';

/** How long the menu waits for TypeScript's view of failing code before its next question. */
export const typesPatienceMs = 2000;

interface CheckVerdict {
  passed: boolean;
  /** The check passed, and TypeScript disagrees with the code (its view is in the text). */
  typesDisagree: boolean;
  /** The check's explanation in plain words. */
  text: string;
  /** What TypeScript says about failing code, when it was not ready with the verdict: a fail never waits for it. */
  typesLater?: Promise<string | undefined>;
}

/** A warm check of the learner's copy of `lesson`, started now in the background (the menu's lesson screen). */
export async function warmCheckOf(lesson: LessonEntry): Promise<WarmCheck> {
  const { warmPlayground } = await import('../check/warm-check.ts');
  const warm = warmPlayground(lesson);
  void warm.warmUp();
  return warm;
}

// The verdicts that say something about the learner's code: a failing test, or code that would
// not load, never ended, or threw. A check that could not run (the database did not start,
// vitest crashed) says nothing about it, and leaves "done" as it was.
const learnersProblems = new Set<ProblemKind>([
  'load-error',
  'busy',
  'heavy',
  'waiting',
  'ended-itself',
  'out-of-memory',
  'unhandled-error',
  'too-much-output',
]);

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

type CheckEngine = typeof import('../check/index.ts');

/**
 * The check's explanation (by the check engine, loaded with it) for the learner, in their
 * language, pointing to the solution rather than to "the next hint" once every hint was seen.
 */
export function verdictText(
  check: CheckEngine,
  result: CheckResult,
  lesson: LessonEntry,
  readIn: ReadIn,
  language: Language,
): string {
  const { total, shown } = hintCount(lesson);
  const hintsRead =
    shown < total
      ? undefined
      : lessonWords(language).allHintsSeen(lesson.number, total, readIn === 'menu' ? 'menu' : 'command line');
  return check.explainCheck(result, lesson, readIn, language, hintsRead);
}

/** TypeScript's view in plain words once it is in, when it came after the verdict; none when it has nothing to say. */
function lateTypeText(
  check: CheckEngine,
  result: CheckResult,
  language: Language,
): Promise<string | undefined> | undefined {
  return result.typeIssuesLater?.then(
    (issues) => check.explainTypeIssues(issues, language).join('\n') || undefined,
    () => undefined,
  );
}

/** What the learner is told about `result`, saved in progress first. */
function verdictOf(check: CheckEngine, result: CheckResult, lesson: LessonEntry, readIn: ReadIn, language: Language) {
  recordVerdict(lesson, result);
  return {
    passed: result.passed,
    typesDisagree: result.passed && Boolean(result.typeIssues?.length),
    text: verdictText(check, result, lesson, readIn, language),
  };
}

/**
 * Checks the learner's copy once on `warm`; the verdict is saved in progress. Undefined when
 * the learner stopped it (`stop` settled first): nothing is saved, and the run is ended.
 */
export async function checkOnce(
  warm: WarmCheck,
  lesson: LessonEntry,
  readIn: ReadIn,
  language: Language = 'en',
  stop: Promise<unknown> = new Promise(() => {}),
): Promise<CheckVerdict | undefined> {
  const check = await import('../check/index.ts');
  const result = await Promise.race([warm.run(), stop.then(() => undefined)]);
  if (!result) {
    // Ends the run and all it started; the warm check prepares the next one meanwhile.
    await warm.restart();
    return undefined;
  }
  return { ...verdictOf(check, result, lesson, readIn, language), typesLater: lateTypeText(check, result, language) };
}

/** What to say as a watch's check begins: which saved files it is about. */
export function checkAnnouncement(changed: string[], language: Language = 'en'): string {
  const words = lessonWords(language);
  return paint('dim', changed.length ? `\n${words.saved(changed.join(', '))}` : words.checkingNow);
}

interface UntilPassedOptions {
  onVerdict: (verdict: CheckVerdict) => void;
  /** What TypeScript says about the newest code, when it came after its verdict. */
  onLateTypes?: (text: string) => void;
  /** Settles when the learner stopped watching. */
  until: Promise<unknown>;
  onStart?: (changed: string[]) => void;
  /** The menu's watch points to its "Next hint"; on the command line the watch says a save checks again. */
  readIn?: ReadIn;
  language?: Language;
  /** The menu's warm check, kept after the watch; the watch makes and stops its own otherwise. */
  warm?: WarmCheck;
}

/**
 * Re-checks the lesson now and on every save until it passes or the learner stops watching.
 * Resolves true when it passed.
 */
export async function watchUntilPassed(lesson: LessonEntry, options: UntilPassedOptions): Promise<boolean> {
  const check = await import('../check/index.ts');
  let resolvePassed!: (passed: boolean) => void;
  const passedOnce = new Promise<boolean>((resolve) => (resolvePassed = resolve));
  const readIn = options.readIn ?? 'watch';
  const language = options.language ?? 'en';
  const { watchPlayground } = await import('../check/watch.ts');
  const watcher = watchPlayground(lesson, {
    warm: options.warm,
    onStart: (changed) => options.onStart?.(changed.map((file) => path.relative(projectRoot, file))),
    onResult(result) {
      // A pass ends the watch: it came with TypeScript's view of the passing code, in its text.
      options.onVerdict(verdictOf(check, result, lesson, readIn, language));
      if (result.passed) resolvePassed(true);
    },
    onLateTypeIssues(issues) {
      const text = check.explainTypeIssues(issues, language).join('\n');
      if (text) options.onLateTypes?.(text);
    },
  });
  const passed = await Promise.race([passedOnce, options.until.then(() => false)]);
  await watcher.stop();
  return passed;
}

// Once a lesson passes: where to go next (and that the solution is now there to compare with),
// or, after the course's last lesson, what the learner has built; and after the lesson whose app
// is exported, how to take it home. "Next" and "last" come from the manifest's order.

/** The lesson after `lesson` in the manifest; undefined after the last. */
export function lessonAfter(lesson: LessonEntry): LessonEntry | undefined {
  const lessons = allLessons();
  return lessons[lessons.findIndex((entry) => entry.slug === lesson.slug) + 1];
}

/** What to say after `lesson` passed (its pass already saved), for the menu or the command line. */
export function afterPassing(lesson: LessonEntry, language: Language, readIn: ReadIn): string {
  const said = whereNext(lesson, language, readIn);
  if (lesson.slug !== exportedLesson()?.slug) return said;
  return `${said}\n${lessonWords(language).exportOffer(readIn)}`;
}

function whereNext(lesson: LessonEntry, language: Language, readIn: ReadIn): string {
  const words = lessonWords(language);
  const next = lessonAfter(lesson);
  if (next) {
    const pointer = words.next(next.number, lessonTitle(next, language), readIn);
    return readIn === 'menu' ? pointer : `${pointer}\n${words.compare(lesson.number)}`;
  }
  const { progress } = loadProgress();
  const open = allLessons().filter((entry) => !lessonProgress(progress, entry.slug).done);
  if (open.length)
    return words.stillOpen(
      open.map((entry) => entry.number),
      readIn,
    );
  const built = allLessons().map((entry) => `${entry.number}  ${lessonTitle(entry, language)}`);
  return readIn === 'menu' ? words.finished(built) : `${words.finished(built)}\n${words.compare(lesson.number)}`;
}
