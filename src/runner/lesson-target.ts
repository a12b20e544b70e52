// LESSON_TARGET (and run-lesson-app's --target): which copy of a lesson's exercise to run or
// check. Read here, for a given lesson, so that a wrong value is refused in one clear line
// naming the valid ones, that lesson's known mistakes included, before anything starts.
import type { LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';

type TargetReading = { target: ExerciseTarget; problem?: undefined } | { target?: undefined; problem: string };

/** Reads `value` (LESSON_TARGET unless given) as a copy of `lesson`; unset or empty means the learner's own. */
export function readLessonTarget(
  lesson: LessonEntry,
  value: string | undefined = process.env.LESSON_TARGET,
  name = 'LESSON_TARGET',
): TargetReading {
  const named = value?.trim();
  if (!named || named === 'playground') return { target: 'playground' };
  if (named === 'solution' || named === 'starter') return { target: named };
  const folders = lesson.mistakes.map((mistake) => mistake.folder);
  if (named.startsWith('mistake:') && folders.includes(named.slice('mistake:'.length)))
    return { target: named as ExerciseTarget };
  const mistakes = folders.map((folder) => `mistake:${folder}`).join(', ');
  return {
    problem:
      `${name} is "${named}", but for lesson ${lesson.number} it can only be playground (your code, the default), ` +
      `solution, starter${mistakes ? ` or one of its known mistakes: ${mistakes}` : ''}.`,
  };
}
