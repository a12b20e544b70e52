// Runs one lesson's app for real, in the process of src/apps/run-lesson-app.ts: the database
// and the storage start, the learner's exercise is loaded, lessons/<slug>/app.ts builds the
// Express app around it (the engine imports the app; the app never imports the engine), and
// it listens on a free port. Each request is then shown with what it did to the database.
// Enter or Ctrl-C stops everything and ends the process; a failure is explained in plain
// words instead of a stack trace.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import mongoose from 'mongoose';
import { allLessons, findLesson, lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import { loadExercise, targetFromEnv, type ExerciseTarget } from '../lessons/exercise.ts';
import { startServices, type Services } from '../lessons/lesson-world.ts';
import type { LessonAppModule } from '../lessons/lesson-app.ts';
import { explainError, type Stage } from './explain-error.ts';
import { attachQueryLog, type QueryLog } from './query-log.ts';
import { watchDatabaseClient } from '../lessons/progress-clock.ts';
import { reportRequests } from './request-report.ts';
import { paint, textWidth } from '../runner/terminal.ts';

export interface ServeLessonAppOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Which copy of the exercise to run: the learner's (default), the solution, the starter or a mistake. */
  target?: ExerciseTarget;
}

export interface ServedLessonApp {
  url: string;
  /** Closes the server, then stops the storage and the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** A failure to start, with its explanation for the learner as the message. */
export class LessonAppFailure extends Error {
  constructor(
    explanation: string,
    readonly stage: Stage | 'lesson',
  ) {
    super(explanation);
    this.name = 'LessonAppFailure';
  }
}

/**
 * Starts the lesson's app (by number like "02" or folder name) and resolves once it listens;
 * from then on Enter, Ctrl-C or a crash stop it and end the process. A failure to start ends it too.
 */
export async function serveLessonApp(
  nameOrNumber: string,
  options: ServeLessonAppOptions = {},
): Promise<ServedLessonApp> {
  let served: ServedLessonApp;
  try {
    served = await startLessonApp(nameOrNumber, options);
  } catch (error) {
    console.error(error instanceof LessonAppFailure ? paint('red', error.message) : explainError(error, 'app'));
    process.exit(1);
  }
  stopOnEnterOrSignal(served);
  stopOnCrash(served);
  return served;
}

/** Runs `step`; a failure becomes a LessonAppFailure explained for its stage. */
async function during<T>(stage: Stage, step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof LessonAppFailure) throw error;
    throw new LessonAppFailure(explainError(error, stage), stage);
  }
}

function lessonNamed(nameOrNumber: string): LessonEntry {
  const lesson = findLesson(nameOrNumber);
  if (lesson) return lesson;
  const names = allLessons()
    .map((entry) => entry.number)
    .join(', ');
  throw new LessonAppFailure(`There is no lesson "${nameOrNumber}". Lessons: ${names}.`, 'lesson');
}

async function startLessonApp(nameOrNumber: string, options: ServeLessonAppOptions): Promise<ServedLessonApp> {
  const lesson = lessonNamed(nameOrNumber);
  const target = options.target ?? targetFromEnv();

  const services: Services = await during('services', () =>
    startServices({ quiet: true, storage: lesson.storage === true }),
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

  try {
    const exercise = await during('exercise', () => loadExercise(lesson, target));
    const appModule = await during('app', () => importAppModule(lesson));
    const app = await during('app', () => appModule.createApp(exercise));

    const width = textWidth();
    const client = mongoose.connection.getClient();
    queryLog = attachQueryLog(client);
    // The log tells a request that will never be answered by nothing happening any more.
    watchDatabaseClient(client);
    const db = mongoose.connection.db;
    server = http.createServer(reportRequests(app, { queryLog, db, width }));
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
    );
    const url = `http://127.0.0.1:${port}`;
    announce(lesson, url, target, services, appModule);
    process.send?.({ type: 'ready', url });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Imports lessons/<slug>/app.ts, which exports createApp() and tryIt(). */
async function importAppModule(lesson: LessonEntry): Promise<LessonAppModule> {
  return (await import(pathToFileURL(lessonPaths(lesson).appFile).href)) as LessonAppModule;
}

function announce(
  lesson: LessonEntry,
  url: string,
  target: ExerciseTarget,
  services: Services,
  appModule: LessonAppModule,
): void {
  const copy = target === 'playground' ? `your code in playground/${lesson.slug}/` : `the ${target} copy`;
  const lines = [
    '',
    `${paint(['bold', 'green'], `Lesson ${lesson.number}'s app is running at ${url}`)}  ${paint('dim', `(${copy})`)}`,
    paint('dim', `  database: ${services.database?.uri}`),
    ...(services.storage ? [paint('dim', `  storage:  ${services.storage.description}`)] : []),
    '',
  ];
  const requests = appModule.tryIt(url);
  if (requests.length) {
    lines.push(paint('bold', 'Try it: paste these into another terminal.'));
    requests.forEach((request, index) => {
      lines.push(`  ${index + 1}. ${request.what}`, `     ${paint('cyan', request.command)}`);
    });
    lines.push('');
  }
  lines.push(paint('dim', 'Each request shows up below with what it did to the database.'));
  console.log(lines.join('\n'));
}

/**
 * An error nobody caught ends a Node server; this one ends the same way, but explained, and
 * with the database and storage stopped. (Lesson 06 lets the learner cause exactly this.)
 */
function stopOnCrash(served: ServedLessonApp): void {
  const crash = async (error: unknown) => {
    console.error(`\n${paint('red', explainError(error, 'running'))}`);
    if (error instanceof Error && error.stack)
      console.error(paint('dim', error.stack.split('\n').slice(0, 4).join('\n')));
    await served.stop().catch(() => {});
    process.exit(1);
  };
  process.once('uncaughtException', crash);
  process.once('unhandledRejection', crash);
}

/** Enter, Ctrl-C, SIGTERM or the runner's "stop" stop the app and end the process. */
function stopOnEnterOrSignal(served: ServedLessonApp): void {
  let stopping = false;
  const stopNow = async () => {
    if (stopping) process.exit(130); // a second Ctrl-C: leave at once
    stopping = true;
    console.log(paint('dim', '\nStopping the app, the database and the storage…'));
    await served.stop();
    console.log('Stopped.');
    process.exit(0);
  };
  const onSignal = () => void stopNow();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  if (process.send) {
    process.on('message', (message) => message === 'stop' && void stopNow());
    process.on('disconnect', onSignal); // the runner is gone: do not outlive it
  }
  if (process.stdin.isTTY) {
    process.stdin.on('data', onSignal);
    process.stdin.resume();
    console.log(paint('dim', 'Press Enter or Ctrl-C to stop it.'));
  } else if (process.send) {
    console.log(paint('dim', 'Press Enter or Ctrl-C to stop it.')); // the runner passes those on
  } else {
    console.log(paint('dim', 'Stop it with Ctrl-C.'));
  }
}
