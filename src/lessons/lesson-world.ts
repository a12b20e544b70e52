// Everything a lesson's code needs around it: a database, a storage server, Mongoose
// connected, the ImageKit settings in process.env, and the exercise loaded.
// Used alike by the tests, the runner's "run the app" and the sandbox.
import mongoose from 'mongoose';
import { startDatabase, type PlaygroundDatabase, type StartDatabaseOptions } from '../database/start-database.ts';
import { startStorage, type PlaygroundStorage } from '../storage/start-storage.ts';
import { loadExercise, targetFromEnv, type ExerciseTarget } from './exercise.ts';
import type { LessonEntry } from './catalog.ts';

export interface Services {
  database: PlaygroundDatabase;
  storage: PlaygroundStorage;
  /** Disconnects Mongoose, then stops the storage and the database. Safe to call twice. */
  stop(): Promise<void>;
}

export interface LessonWorld<Exercise> extends Services {
  lesson: LessonEntry;
  target: ExerciseTarget;
  exercise: Exercise;
}

/**
 * Starts the database and the storage, connects Mongoose and puts the ImageKit
 * settings into process.env (IMAGEKIT_PUBLIC_KEY, …) for code that reads them.
 */
export async function startServices(
  options: Pick<StartDatabaseOptions, 'quiet' | 'allowDownload'> = {},
): Promise<Services> {
  const [databaseStart, storageStart] = await Promise.allSettled([startDatabase(options), startStorage(options)]);
  if (databaseStart.status === 'rejected' || storageStart.status === 'rejected') {
    // Stop whichever one did start, so a half-started world leaves nothing running.
    if (databaseStart.status === 'fulfilled') await databaseStart.value.stop();
    if (storageStart.status === 'fulfilled') await storageStart.value.stop();
    throw databaseStart.status === 'rejected' ? databaseStart.reason : (storageStart as PromiseRejectedResult).reason;
  }
  const database = databaseStart.value;
  const storage = storageStart.value;
  Object.assign(process.env, storage.env);
  try {
    await mongoose.connect(database.uri, { serverSelectionTimeoutMS: 5000 });
  } catch (error) {
    await Promise.allSettled([storage.stop(), database.stop()]);
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await mongoose.disconnect().catch(() => {});
      await Promise.allSettled([storage.stop(), database.stop()]);
    })());
  return { database, storage, stop };
}

/** Starts the services, then loads the target's copy of the lesson's exercise. */
export async function openLessonWorld<Exercise>(
  lesson: LessonEntry,
  options: { target?: ExerciseTarget; quiet?: boolean; allowDownload?: boolean } = {},
): Promise<LessonWorld<Exercise>> {
  const target = options.target ?? targetFromEnv();
  const services = await startServices(options);
  try {
    const exercise = await loadExercise<Exercise>(lesson, target);
    return { ...services, lesson, target, exercise };
  } catch (error) {
    await services.stop();
    throw error;
  }
}
