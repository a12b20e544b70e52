// Runs one lesson's app for real, in the process of src/apps/run-lesson-app.ts: the database
// and the storage start, the learner's exercise is loaded, lessons/<slug>/app.ts builds the
// Express app around it (the engine imports the app; the app never imports the engine), and
// it listens on a free port. Each request is then shown with what it did to the database.
// The runner's "stop" (the learner's Enter there) or Ctrl-C stops everything and ends the
// process; a failure is explained in plain words instead of a stack trace.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { lessonPaths, type LessonAppModule, type LessonEntry } from '../lessons/catalog.ts';
import { exerciseDir, loadExercise, type ExerciseTarget } from '../lessons/exercise.ts';
import { databaseUri } from '../database/database-uri.ts';
import { startOwnServer } from './own-server.ts';
import { startServices, type Services } from '../lessons/lesson-world.ts';
import { explainError, type Stage } from './explain-error.ts';
import { attachQueryLog, type QueryLog } from './query-log.ts';
import { watchDatabaseClient } from '../lessons/progress-clock.ts';
import { reportRequests } from './request-report.ts';
import { paint, textWidth } from '../terminal/terminal.ts';
import type { Language } from '../progress/progress-store.ts';
import { announce } from './app-banner.ts';
import { appWords, type AppWords } from './app-words.ts';
import { freePort } from '../processes/free-port.ts';
import { stopWhenAsked } from '../processes/shutdown.ts';

interface ServeLessonAppOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Which copy of the exercise to run: the learner's, the solution, the starter or a mistake. */
  target: ExerciseTarget;
  /** The language of what it says around the requests. */
  language: Language;
  /** A restart after a save: the banner is one line, the requests to try were said before. */
  again?: boolean;
  /** The runner starts the app again on a save once it has listened, and says so after a failure. */
  onSave?: boolean;
}

interface ServedLessonApp {
  /** Closes the server, then stops the storage and the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** A failure to start, with its explanation for the learner as the message. */
class LessonAppFailure extends Error {
  name = 'LessonAppFailure';
}

/**
 * Starts the lesson's app and resolves once it listens; from then on the runner's "stop",
 * Ctrl-C or a crash stop it and end the process. A failure to start ends it too.
 */
export async function serveLessonApp(lesson: LessonEntry, options: ServeLessonAppOptions): Promise<void> {
  let served: ServedLessonApp;
  try {
    served = await startLessonApp(lesson, options);
  } catch (error) {
    console.error(
      error instanceof LessonAppFailure ? paint('red', error.message) : explainError(error, 'app', options.language),
    );
    process.exit(1);
  }
  stopOnSignalOrAsked(served, appWords(options.language));
  stopOnCrash(served, options.language, options.onSave);
}

/** Runs `step`; a failure becomes a LessonAppFailure explained for its stage, in `language`. */
async function during<T>(
  stage: Stage,
  step: () => Promise<T> | T,
  language: Language,
  restartsOnSave?: boolean,
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof LessonAppFailure) throw error;
    throw new LessonAppFailure(explainError(error, stage, language, restartsOnSave));
  }
}

async function startLessonApp(lesson: LessonEntry, options: ServeLessonAppOptions): Promise<ServedLessonApp> {
  const { language, target } = options;

  const services: Services = await during(
    'services',
    () => startServices({ quiet: true, storage: lesson.storage === true }),
    language,
  );
  let server: http.Server | undefined;
  let queryLog: QueryLog | undefined;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      if (server) {
        const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
        server.closeAllConnections();
        await closed;
      }
      queryLog?.detach();
      await services.stop();
    })());

  if (lesson.ownServer) return startOwnServerApp(lesson, target, services, stop, options);
  // A restart that fails waits for the next save, and the runner says so.
  const waits = options.onSave && options.again;
  try {
    const exercise = await during('exercise', () => loadExercise(lesson, target), language, waits);
    const appModule = await during('app', () => importAppModule(lesson), language, waits);
    const app = await during('app', () => appModule.createApp!(exercise), language, waits);

    const width = textWidth();
    const client = mongoose.connection.getClient();
    queryLog = attachQueryLog(client, language);
    // The log tells a request that will never be answered by nothing happening any more.
    watchDatabaseClient(client);
    const db = mongoose.connection.db;
    server = http.createServer(reportRequests(app, { queryLog, db, width, language }));
    const listening = server;
    const port = await during(
      'listen',
      () =>
        new Promise<number>((resolve, reject) => {
          listening.once('error', reject);
          listening.listen(options.port ?? 0, '127.0.0.1', () => {
            listening.off('error', reject);
            resolve((listening.address() as AddressInfo).port);
          });
        }),
      language,
    );
    const url = `http://127.0.0.1:${port}`;
    await announce(lesson, url, services, { ...options, appModule: async () => appModule });
    process.send?.({ type: 'ready', url });
    return { stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * A lesson whose app is the learner's own server.ts (manifest: ownServer): it runs as a process
 * of its own, with the services' settings in its environment, its output passed through. Its
 * requests are not shown with their queries (they run in that process); what it prints is.
 */
async function startOwnServerApp(
  lesson: LessonEntry,
  target: ExerciseTarget,
  services: Services,
  stopServices: () => Promise<void>,
  options: ServeLessonAppOptions,
): Promise<ServedLessonApp> {
  const { language } = options;
  const words = appWords(language);
  const port = options.port || (await freePort());
  let held: string[] | undefined = [];
  const own = startOwnServer({
    dir: await exerciseDir(lesson, target),
    settings: {
      PORT: String(port),
      MONGODB_URI: databaseUri(services.address.serverUri, services.address.dbName),
      ...services.storage?.env,
    },
    // Held back until the banner is out: then what it prints comes below it, as the banner says.
    onOutput: (text) => (held === undefined ? process.stdout.write(text) : held.push(text)),
  });
  const stop = async () => {
    await own.end(3000);
    await stopServices();
  };
  const flush = () => {
    process.stdout.write(held?.join('') ?? '');
    held = undefined;
  };
  if (!(await own.listening(port))) {
    flush();
    await stop();
    const { code, signal } = await own.ended;
    throw new LessonAppFailure(words.ownServerEnded(signal ?? `exit code ${code}`, port));
  }
  // A server that ends by itself later (a crash, a process.exit) ends the run, said in plain words.
  let stopping = false;
  void own.ended.then(async ({ code, signal }) => {
    if (stopping) return;
    console.error(paint('red', words.ownServerEnded(signal ?? `exit code ${code}`, port)));
    await stopServices();
    process.exit(1);
  });
  const url = `http://127.0.0.1:${port}`;
  await announce(lesson, url, services, { ...options, appModule: () => importAppModule(lesson) });
  flush();
  process.send?.({ type: 'ready', url });
  return {
    stop: () => {
      stopping = true;
      return stop();
    },
  };
}

/** Imports lessons/<slug>/app.ts, which exports createApp() and tryIt(). */
async function importAppModule(lesson: LessonEntry): Promise<LessonAppModule> {
  return (await import(pathToFileURL(lessonPaths(lesson).appFile).href)) as LessonAppModule;
}

/**
 * An error nobody caught ends a Node server; this one ends the same way, but explained, and
 * with the database and storage stopped. (Lesson 06 lets the learner cause exactly this.)
 */
function stopOnCrash(served: ServedLessonApp, language: Language, restartsOnSave?: boolean): void {
  const crash = async (error: unknown) => {
    console.error(`\n${paint('red', explainError(error, 'running', language, restartsOnSave))}`);
    if (error instanceof Error && error.stack)
      console.error(paint('dim', error.stack.split('\n').slice(0, 4).join('\n')));
    await served.stop().catch(() => {});
    process.exit(1);
  };
  process.once('uncaughtException', crash);
  process.once('unhandledRejection', crash);
}

/** Ctrl-C, SIGTERM, SIGHUP or the runner's "stop" stop the app and end the process. */
function stopOnSignalOrAsked(served: ServedLessonApp, words: AppWords): void {
  // A restart is said by the runner itself: this one stops quietly.
  stopWhenAsked(async (why) => {
    if (why === 'stop') console.log(paint('dim', `\n${words.stopping}`));
    await served.stop();
    if (why === 'stop') console.log(words.stopped);
    process.exit(0);
  });
  // The runner passes Enter on as "stop"; run by hand, Ctrl-C is the way.
  console.log(paint('dim', process.send ? words.pressToStop : words.signalToStop));
}
