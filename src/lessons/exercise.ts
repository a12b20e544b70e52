// Which copy of an exercise the tests and the lesson app run: the learner's, the
// reference solution, the untouched starter, or one of the known mistakes.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lessonPaths, projectRoot, type LessonEntry } from './catalog.ts';
import { assembledCopy } from './variants.ts';

export type ExerciseTarget = 'playground' | 'solution' | 'starter' | `mistake:${string}`;

type TargetReading = { target: ExerciseTarget; problem?: undefined } | { target?: undefined; problem: string };

/**
 * Reads `value` (LESSON_TARGET unless given; run-lesson-app's --target) as a copy of `lesson`:
 * unset or empty means the learner's own. A wrong value gets one clear line naming the valid
 * ones, that lesson's known mistakes included, in `saidIn`, before anything starts.
 */
export function readLessonTarget(
  lesson: LessonEntry,
  value: string | undefined = process.env.LESSON_TARGET,
  name = 'LESSON_TARGET',
  saidIn: 'en' | 'hinglish' = 'en',
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
      saidIn === 'hinglish'
        ? `${name} "${named}" hai, lekin lesson ${lesson.number} ke liye yeh sirf playground (aapka code, default), ` +
          `solution, starter${mistakes ? ` ya iski koi known mistake ho sakta hai: ${mistakes}` : ' ho sakta hai'}.`
        : `${name} is "${named}", but for lesson ${lesson.number} it can only be playground (your code, the default), ` +
          `solution, starter${mistakes ? ` or one of its known mistakes: ${mistakes}` : ''}.`,
  };
}

/** The copy of `lesson` LESSON_TARGET names (the learner's own when unset); a wrong one throws its line. */
export function targetFromEnv(lesson: LessonEntry): ExerciseTarget {
  const { target, problem } = readLessonTarget(lesson);
  if (problem !== undefined) throw new Error(problem);
  return target;
}

/**
 * The folder holding the target's copy of the exercise: the learner's own folder, or a copy
 * assembled from its layers (given files, starter, solution, mistake) in src/lessons/variants.ts.
 */
export async function exerciseDir(lesson: LessonEntry, target: ExerciseTarget): Promise<string> {
  if (target === 'playground') return lessonPaths(lesson).playgroundDir;
  return (await assembledCopy(lesson, target)).dir;
}

/**
 * Imports every exercise file of the target and merges their exports into one object,
 * e.g. `{ songSchema }` for lesson 02.
 */
export async function loadExercise<Exercise>(lesson: LessonEntry, target: ExerciseTarget): Promise<Exercise> {
  const dir = await exerciseDir(lesson, target);
  const merged: Record<string, unknown> = {};
  for (const file of lesson.exerciseFiles) {
    const fullPath = path.join(dir, file);
    if (!existsSync(fullPath) || statSync(fullPath).isDirectory()) throw new ExerciseFileMissing(lesson, fullPath);
    Object.assign(merged, await import(pathToFileURL(fullPath).href));
  }
  return merged as Exercise;
}

/** An exercise file that is not where the lesson expects it. */
class ExerciseFileMissing extends Error {
  constructor(lesson: LessonEntry, fullPath: string) {
    const what = existsSync(fullPath) ? 'is a folder, not a file' : 'is missing';
    super(
      `The exercise file ${path.relative(projectRoot, fullPath)} ${what}. ` +
        `Run npm run lesson -- reset ${lesson.number} to get a fresh copy of the starter (it asks first).`,
    );
    this.name = 'ExerciseFileMissing';
  }
}
