// Everything a lesson's code needs around it: a database, a storage server, Mongoose
// connected, the ImageKit settings in process.env, and the exercise loaded.
// Used alike by the tests, the runner's "run the app" and the sandbox.
import mongoose from 'mongoose';
import type { PlaygroundDatabase, StartDatabaseOptions } from '../database/start-database.ts';
import type { PlaygroundStorage } from '@playground/local-imagekit';
import { loadExercise, targetFromEnv, type ExerciseTarget } from './exercise.ts';
import type { LessonEntry } from './catalog.ts';

export interface Services {
  /** The database; undefined when it was handed in (a check's, which the check drops). */
  database?: PlaygroundDatabase;
  /** The storage; undefined for a lesson whose code uploads nothing (manifest: storage). */
  storage?: PlaygroundStorage;
  /** The server Mongoose is connected to, and the database it uses there: for a process the lesson starts. */
  address: { serverUri: string; dbName: string };
  /** Disconnects Mongoose, then stops the storage and the database. Safe to call twice. */
  stop(): Promise<void>;
}

export interface LessonWorld<Exercise> extends Services {
  lesson: LessonEntry;
  target: ExerciseTarget;
  exercise: Exercise;
}

interface ServicesOptions extends Pick<StartDatabaseOptions, 'quiet' | 'allowDownload'> {
  /** A database someone else started and will drop (a check's): only connected to, never stopped. */
  givenDatabase?: { serverUri: string; dbName: string };
  /** Start the storage too (default true); lessons whose code uploads nothing do without. */
  storage?: boolean;
}

/**
 * Starts the database and the storage, connects Mongoose (with command monitoring, so a
 * check can see queries under way) and puts the ImageKit settings into process.env
 * (IMAGEKIT_PUBLIC_KEY, …) for code that reads them.
 */
export async function startServices(options: ServicesOptions = {}): Promise<Services> {
  // Each one's code loads only when it starts: the storage's HTTP server, say, is not needed by every lesson.
  const [databaseStart, storageStart] = await Promise.allSettled([
    options.givenDatabase ? undefined : import('../database/start-database.ts').then((db) => db.startDatabase(options)),
    options.storage === false
      ? undefined
      : import('@playground/local-imagekit').then((kit) => kit.startStorage(options)),
  ]);
  if (databaseStart.status === 'rejected' || storageStart.status === 'rejected') {
    // Stop whichever one did start, so a half-started world leaves nothing running.
    if (databaseStart.status === 'fulfilled') await databaseStart.value?.stop();
    if (storageStart.status === 'fulfilled') await storageStart.value?.stop();
    throw databaseStart.status === 'rejected' ? databaseStart.reason : (storageStart as PromiseRejectedResult).reason;
  }
  const database = databaseStart.value;
  const storage = storageStart.value;
  if (storage) Object.assign(process.env, storage.env);
  const { serverUri, dbName } = database ?? options.givenDatabase!;
  try {
    await mongoose.connect(serverUri, { dbName, serverSelectionTimeoutMS: 5000, monitorCommands: true });
  } catch (error) {
    await Promise.allSettled([storage?.stop(), database?.stop()]);
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await mongoose.disconnect().catch(() => {});
      await Promise.allSettled([storage?.stop(), database?.stop()]);
    })());
  return { database, storage, address: { serverUri, dbName }, stop };
}

/**
 * Loads the copy of the lesson's exercise LESSON_TARGET names, beside `services` (a check starts
 * them before the learner's save); a lesson whose app is a server of the learner's own
 * (manifest: ownServer) has nothing to load. A failure stops the services.
 */
export async function openLessonWorld<Exercise>(
  lesson: LessonEntry,
  { services }: { services: Services },
): Promise<LessonWorld<Exercise>> {
  const target = targetFromEnv(lesson);
  try {
    const exercise = lesson.ownServer ? (undefined as Exercise) : await loadExercise<Exercise>(lesson, target);
    return { ...services, lesson, target, exercise };
  } catch (error) {
    await services.stop();
    throw error;
  }
}
