// Where everything of a lesson lives. Every lesson has the same anatomy:
// lessons/<slug>/ (texts, hints, starter/, mistakes/, app.ts), playground/<slug>/,
// solutions/<slug>/ and tests/<slug>.test.ts (README, "Adding a lesson").
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Express } from 'express';
import { lessons, type LessonEntry } from '../../lessons/manifest.ts';
import type { TryItRequest } from '../../lessons/shared/try-it.ts';

export type { LessonEntry, KnownMistake, GivenFile } from '../../lessons/manifest.ts';

/** The project root folder (the one with package.json). */
export const projectRoot = fileURLToPath(new URL('../../', import.meta.url));

/** The learner's working copies. PLAYGROUND_DIR moves them, so the engine's own tests never touch the learner's files. */
export const playgroundRoot = process.env.PLAYGROUND_DIR
  ? path.resolve(process.env.PLAYGROUND_DIR)
  : path.join(projectRoot, 'playground');

/** Every lesson, in order. */
export function allLessons(): LessonEntry[] {
  return lessons;
}

/** Finds a lesson by number ("2", "02") or folder name ("02-schema"); undefined if none. */
export function findLesson(name: string): LessonEntry | undefined {
  const wanted = name.trim().toLowerCase();
  return lessons.find(
    (lesson) => lesson.slug === wanted || lesson.number === wanted || lesson.number === wanted.padStart(2, '0'),
  );
}

/** The lesson whose app is exported: the last one where the learner writes the whole app, server.ts included. */
export function exportedLesson(): LessonEntry | undefined {
  return allLessons().findLast((lesson) => lesson.ownServer);
}

/** Folders and files of one lesson. */
export function lessonPaths(lesson: LessonEntry) {
  return {
    lessonDir: path.join(projectRoot, 'lessons', lesson.slug),
    starterDir: path.join(projectRoot, 'lessons', lesson.slug, 'starter'),
    mistakesDir: path.join(projectRoot, 'lessons', lesson.slug, 'mistakes'),
    appFile: path.join(projectRoot, 'lessons', lesson.slug, 'app.ts'),
    playgroundDir: path.join(playgroundRoot, lesson.slug),
    solutionDir: path.join(projectRoot, 'solutions', lesson.slug),
    testFile: path.join(projectRoot, 'tests', `${lesson.slug}.test.ts`),
    /** Assembled copies of the exercise (solution, starter, mistakes): see src/lessons/variants.ts. */
    variantsDir: path.join(projectRoot, 'node_modules', '.cache', 'playground-variants', lesson.slug),
  };
}

/**
 * The shape every lessons/<slug>/app.ts has, so the runner can start any lesson's app. The
 * engine imports the lesson apps, never the reverse: an app imports nothing from src/.
 */
export interface LessonAppModule<Exercise = unknown> {
  /** Builds the lesson's Express app around the learner's exercise code. Does not listen. None for a lesson whose app is the learner's own server (manifest: ownServer). */
  createApp?(exercise: Exercise): Express;
  /** Requests worth trying against the running app at baseUrl (no trailing slash). */
  tryIt(baseUrl: string): TryItRequest[];
}
