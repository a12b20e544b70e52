// `npm run lesson -- check <lesson>` and `watch <lesson>`: the verdict in plain words, in the
// learner's language, then where to go once it passes; check's exit code is 0 when it passes.
// cli-entry.mjs runs check with a vitest it made first thing in this process; cli.ts runs it
// with a vitest in a process of its own, and honours LESSON_TARGET (an instructor checking the
// solution or a known mistake: that copy's verdict, and the learner's progress untouched).
import type { CheckReport } from '../check/index.ts';
import type { LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';
import type { Language } from '../progress/progress-store.ts';
import { shuttingDown } from '../processes/shutdown.ts';
import { afterPassing } from './after-pass.ts';
import { checkAnnouncement, recordVerdict, verdictText, watchUntilPassed } from './check-actions.ts';
import { lessonWords } from './lesson-words.ts';
import { paint } from '../terminal/terminal.ts';
import { fitToScreen } from './screen-wrap.ts';

/** Prints `text` folded between words to the terminal's columns, as the menu's screens are. */
function say(text: string): void {
  console.log(fitToScreen(text, process.stdout));
}

/** Prints the verdict of `started`, the check of `lesson`, and answers the exit code (0 passed, 1 not). */
export async function checkCommand(
  lesson: LessonEntry,
  options: { language: Language; target?: ExerciseTarget },
  started: Promise<CheckReport>,
): Promise<number> {
  const { language } = options;
  const target = options.target ?? 'playground';
  const check = await import('../check/index.ts');
  const { results } = await started;
  // Stopped from outside (Ctrl-C, npm gone): the check ended unfinished, and nobody waits for its words.
  if (shuttingDown()) return 1;
  const result = results[0];
  const learners = target === 'playground';
  if (learners) recordVerdict(lesson, result);
  say(verdictText(check, result, lesson, 'command line', language));
  if (learners && result.passed) say(`\n${afterPassing(lesson, language, 'command line')}`);
  return result.passed ? 0 : 1;
}

/** Checks `lesson` now and on every save until it passes (exit code 0) or the learner stops (1). */
export async function watchCommand(lesson: LessonEntry, language: Language): Promise<number> {
  const { listenForStop } = await import('./keys.ts');
  const keys = listenForStop();
  say(paint('dim', lessonWords(language).watchingLesson(lesson.number)));
  const passed = await watchUntilPassed(lesson, {
    onVerdict: (verdict) => say(verdict.text),
    onLateTypes: (text) => say(`\n${text}`),
    until: keys.pressed,
    onStart: (changed) => say(checkAnnouncement(changed, language)),
    language,
  });
  keys.release();
  if (passed) say(`\n${afterPassing(lesson, language, 'command line')}`);
  return passed ? 0 : 1;
}
