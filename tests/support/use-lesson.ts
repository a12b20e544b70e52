// Gives a lesson's test file its world: database, storage, Mongoose connected and
// the exercise loaded from the target LESSON_TARGET names (the learner's copy by default).
import { afterAll, beforeAll } from 'vitest';
import { findLesson } from '../../src/lessons/catalog.ts';
import { openLessonWorld, type LessonWorld } from '../../src/lessons/lesson-world.ts';

/** Opens the lesson's world before the file's tests and closes it after them. */
export function useLesson<Exercise>(slug: string): {
  readonly world: LessonWorld<Exercise>;
  readonly exercise: Exercise;
} {
  const lesson = findLesson(slug);
  if (!lesson) throw new Error(`No lesson "${slug}" in lessons/manifest.ts.`);
  let world: LessonWorld<Exercise> | undefined;

  beforeAll(async () => {
    // A check never waits for mongod to download: until it is on the machine, the stand-in serves.
    world = await openLessonWorld<Exercise>(lesson, { quiet: true, allowDownload: false });
  });
  afterAll(async () => {
    await world?.stop();
  });

  const opened = () => {
    if (!world) throw new Error('The lesson did not start: see the first error above.');
    return world;
  };
  return {
    get world() {
      return opened();
    },
    get exercise() {
      return opened().exercise;
    },
  };
}
