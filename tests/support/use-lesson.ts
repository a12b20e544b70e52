// Gives a lesson's test file its world: database, storage, Mongoose connected and
// the exercise loaded from the target LESSON_TARGET names (the learner's copy by default).
// In a check, the check hands over the database, and the learner's code loads only once
// the check says go (in watch mode, after the learner's save).
import { setTimeout as sleep } from 'node:timers/promises';
import mongoose from 'mongoose';
import { afterAll, beforeAll } from 'vitest';
import { findLesson } from '../../src/lessons/catalog.ts';
import { openLessonWorld, startServices, type LessonWorld } from '../../src/lessons/lesson-world.ts';
import type { PlaygroundStorage } from '@playground/local-imagekit';
import {
  goFromCheck,
  loadingStarts,
  phaseEnds,
  servicesFromCheck,
  waitingForGo,
} from '../../src/check/in-test-worker.ts';
import { watchDatabaseClient } from '../../src/lessons/progress-clock.ts';
import { warmUp } from './warm-up.ts';

/** Opens the lesson's world before the file's tests and closes it after them. */
export function useLesson<Exercise>(slug: string): {
  readonly world: LessonWorld<Exercise>;
  readonly exercise: Exercise;
  /** The storage of a lesson whose code uploads (manifest: storage). */
  readonly storage: PlaygroundStorage;
} {
  const lesson = findLesson(slug);
  if (!lesson) throw new Error(`No lesson "${slug}" in lessons/manifest.ts.`);
  let world: LessonWorld<Exercise> | undefined;

  // Started as the file loads: in watch mode that is before the learner's save, so a check
  // after the save finds the database connected and the storage listening.
  const services = (async () =>
    startServices({
      quiet: true,
      storage: lesson.storage === true,
      // A check never waits for mongod to download: until it is on the machine, the stand-in serves.
      allowDownload: false,
      givenDatabase: await servicesFromCheck(),
    }))();
  services.catch(() => undefined);
  // In watch and the menu, the wait for the learner's save is time to get ready (warm-up.ts).
  const warmed = services.then(
    () => (waitingForGo() ? warmUp(() => !waitingForGo()) : undefined),
    () => undefined,
  );

  beforeAll(async () => {
    await goFromCheck();
    // A warm-up takes a tenth of a second; one that hangs (a database that stopped answering)
    // must not hold the check before its watchdogs are on.
    await Promise.race([warmed, sleep(1000, undefined, { ref: false })]);
    const started = await services;
    loadingStarts();
    watchDatabaseClient(mongoose.connection.getClient());
    world = await openLessonWorld<Exercise>(lesson, { services: started });
    phaseEnds();
  });
  afterAll(async () => {
    await (world ?? (await services.catch(() => undefined)))?.stop();
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
    get storage() {
      const { storage } = opened();
      if (!storage) throw new Error(`Lesson ${slug} starts no storage: set storage: true in its manifest entry.`);
      return storage;
    },
  };
}
