// The learner's working copies in playground/<slug>/ are made from the one pristine
// starter in lessons/<slug>/starter/: never committed, restored without git.
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { allLessons, lessonPaths, type LessonEntry } from '../lessons/catalog.ts';

/** Every file of a folder, as paths relative to it. */
export async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
    ),
  );
  return nested.flat();
}

/** Copies the starter files that are missing from the learner's copy. Never overwrites. Returns what it copied. */
export async function fillMissingFromStarter(lesson: LessonEntry): Promise<string[]> {
  const { starterDir, playgroundDir } = lessonPaths(lesson);
  if (!existsSync(starterDir)) return [];
  const copied: string[] = [];
  for (const file of await filesUnder(starterDir)) {
    const target = path.join(playgroundDir, file);
    if (existsSync(target)) continue;
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(starterDir, file), target);
    copied.push(file);
  }
  return copied;
}

/** Makes sure every lesson has its working copy; the learner's edits are kept. */
export async function ensurePlayground(): Promise<void> {
  for (const lesson of allLessons()) await fillMissingFromStarter(lesson);
}

/** Puts the pristine starter files back over the learner's copy (after the learner confirmed). */
export async function resetExercise(lesson: LessonEntry): Promise<string[]> {
  const { starterDir, playgroundDir } = lessonPaths(lesson);
  const files = await filesUnder(starterDir);
  for (const file of files) {
    await mkdir(path.dirname(path.join(playgroundDir, file)), { recursive: true });
    await copyFile(path.join(starterDir, file), path.join(playgroundDir, file));
  }
  return files;
}
