// The stand-in and a driver connected to it, for a test file: started once, stopped at the end.
import { MongoClient, type Db } from 'mongodb';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startStandin, type RunningStandin } from '../../src/server.ts';

interface StandinClient {
  readonly standin: RunningStandin;
  readonly client: MongoClient;
  readonly db: Db;
}

/** Starts a stand-in and connects a MongoClient to `dbName` for this file, dropping that database before each test unless told not to. */
export function useStandinClient(
  dbName: string,
  options: { dropBeforeEach?: boolean; timeLimitMs?: number } = {},
): StandinClient {
  let standin: RunningStandin | undefined;
  let client: MongoClient | undefined;

  beforeAll(async () => {
    standin = await startStandin(options.timeLimitMs ? { timeLimitMs: options.timeLimitMs } : {});
    client = await MongoClient.connect(`${standin.uri}/${dbName}`);
  });
  afterAll(async () => {
    await client?.close();
    await standin?.stop();
  });
  if (options.dropBeforeEach ?? true) {
    beforeEach(async () => {
      await ready(client, 'db').db(dbName).dropDatabase();
    });
  }

  return {
    get standin() {
      return ready(standin, 'standin');
    },
    get client() {
      return ready(client, 'client');
    },
    get db() {
      return ready(client, 'db').db(dbName);
    },
  };
}

// Module-level code runs before beforeAll, so reading a getter there would see nothing yet.
function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) {
    throw new Error(
      `useStandinClient: \`${name}\` is not ready yet; read it inside a test or hook, not at module level.`,
    );
  }
  return value;
}
