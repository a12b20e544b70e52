// The stand-in in a process of its own, with two clients: one
// to send a hostile request and one to measure whether the server still answers meanwhile.
// (In this process the test's own event loop would wait along with the server.)
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll } from 'vitest';

interface StandinProcess {
  /** The client that sends the hostile requests. */
  readonly hostile: Db;
  /**
   * Starts `request` on the hostile client, then times a ping from the other client sent while
   * it runs. Resolves with that round trip and the request's outcome (its result or its error).
   */
  pingDuring(request: (db: Db) => Promise<unknown>): Promise<{ pingMs: number; outcome: unknown }>;
}

/** Runs the stand-in in a child process for this test file. */
export function useStandinProcess(dbName: string): StandinProcess {
  let child: ChildProcess | undefined;
  let hostile: MongoClient | undefined;
  let observer: MongoClient | undefined;

  beforeAll(async () => {
    const main = fileURLToPath(new URL('./standin-main.ts', import.meta.url));
    child = spawn(process.execPath, ['--import', 'tsx', main], { stdio: ['ignore', 'pipe', 'ignore'] });
    const base = await new Promise<string>((resolve) =>
      createInterface({ input: child!.stdout! }).once('line', resolve),
    );
    hostile = await MongoClient.connect(base);
    observer = await MongoClient.connect(base);
  });
  afterAll(async () => {
    await hostile?.close();
    await observer?.close();
    child?.kill('SIGTERM');
  });

  return {
    get hostile() {
      return hostile!.db(dbName);
    },
    async pingDuring(request) {
      const outcome = request(hostile!.db(dbName)).then(
        (result) => result,
        (error: unknown) => error,
      );
      // Give the request time to reach the server and start working.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      await observer!.db('admin').command({ ping: 1 });
      const pingMs = performance.now() - started;
      return { pingMs, outcome: await outcome };
    },
  };
}
