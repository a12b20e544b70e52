// Which copy of an exercise the tests and the lesson app run: the learner's, the
// reference solution, the untouched starter, or one of the known mistakes.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lessonPaths, projectRoot, type LessonEntry } from './catalog.ts';
import { assembledCopy } from './variants.ts';

export type ExerciseTarget = 'playground' | 'solution' | 'starter' | `mistake:${string}`;

/** The target named by LESSON_TARGET, or the learner's playground copy. */
export function targetFromEnv(): ExerciseTarget {
  const named = process.env.LESSON_TARGET?.trim();
  if (!named || named === 'playground') return 'playground';
  if (named === 'solution' || named === 'starter' || named.startsWith('mistake:')) return named as ExerciseTarget;
  throw new Error(`LESSON_TARGET must be playground, solution, starter or mistake:<folder>, not "${named}".`);
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
export async function loadExercise<Exercise>(
  lesson: LessonEntry,
  target: ExerciseTarget = targetFromEnv(),
): Promise<Exercise> {
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
