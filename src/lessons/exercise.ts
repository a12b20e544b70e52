// Which copy of an exercise the tests and the lesson app run: the learner's, the
// reference solution, the untouched starter, or one of the known mistakes.
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { existsSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lessonPaths, projectRoot, type LessonEntry } from './catalog.ts';

export type ExerciseTarget = 'playground' | 'solution' | 'starter' | `mistake:${string}`;

/** The target named by LESSON_TARGET, or the learner's playground copy. */
export function targetFromEnv(): ExerciseTarget {
  const named = process.env.LESSON_TARGET?.trim();
  if (!named || named === 'playground') return 'playground';
  if (named === 'solution' || named === 'starter' || named.startsWith('mistake:')) return named as ExerciseTarget;
  throw new Error(`LESSON_TARGET must be playground, solution, starter or mistake:<folder>, not "${named}".`);
}

// Inside the project, so that the exercise's package imports (mongoose, express…) still resolve.
const scratchRoot = path.join(projectRoot, 'node_modules', '.cache', 'playground-mistakes');

/**
 * Test workers are often ended without running their exit handlers, so each new scratch
 * folder first clears those whose process (the number at the end of the name) is gone.
 */
async function removeScratchOfEndedProcesses(): Promise<void> {
  const names = await readdir(scratchRoot).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(/-(\d+)$/.exec(name)?.[1]);
    if (pid && !isRunning(pid)) await rm(path.join(scratchRoot, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The folder holding the target's copy of the exercise files.
 * A known mistake only keeps the files it gets wrong, so it is laid over the
 * solution in a scratch folder: sibling imports between exercise files still work.
 */
export async function exerciseDir(lesson: LessonEntry, target: ExerciseTarget): Promise<string> {
  const paths = lessonPaths(lesson);
  if (target === 'playground') return paths.playgroundDir;
  if (target === 'solution') return paths.solutionDir;
  if (target === 'starter') return paths.starterDir;

  const folder = target.slice('mistake:'.length);
  const mistakeDir = path.join(paths.mistakesDir, folder);
  if (!existsSync(mistakeDir)) throw new Error(`No known mistake "${folder}" in lessons/${lesson.slug}/mistakes/.`);
  const scratch = path.join(scratchRoot, `${lesson.slug}-${folder}-${process.pid}`);
  await removeScratchOfEndedProcesses();
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  await cp(paths.solutionDir, scratch, { recursive: true });
  await cp(mistakeDir, scratch, { recursive: true });
  process.once('exit', () => rmSync(scratch, { recursive: true, force: true }));
  return scratch;
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
    if (!existsSync(fullPath) || statSync(fullPath).isDirectory())
      throw new ExerciseFileMissing(lesson, file, fullPath);
    Object.assign(merged, await import(pathToFileURL(fullPath).href));
  }
  return merged as Exercise;
}

/** An exercise file that is not where the lesson expects it. */
export class ExerciseFileMissing extends Error {
  constructor(lesson: LessonEntry, file: string, fullPath: string) {
    const what = existsSync(fullPath) ? 'is a folder, not a file' : 'is missing';
    super(
      `The exercise file ${path.relative(projectRoot, fullPath)} ${what}. ` +
        `Run \`npm run lesson -- reset ${lesson.number}\` to get a fresh copy of the starter (it asks first).`,
    );
    this.name = 'ExerciseFileMissing';
  }
}
