// The database of a host's runs: started by the host (not by each test worker, which saves
// every check the loading of a database server), with a database of its own for every
// worker, dropped when the worker is done. However a worker ends (stuck code, a kill of its
// own), the host is still there to drop what it made on a learner's own server (MONGODB_URI).
import type { MongoClient } from 'mongodb';
import { generateDatabaseName } from '../../database/database-name.ts';
import type { PlaygroundDatabase } from '../../database/start-database.ts';
import type { CheckServices } from '../wire.ts';

export class HostDatabase {
  private server?: Promise<PlaygroundDatabase>;
  private client?: Promise<MongoClient>;
  private readonly live = new Set<string>();
  private readonly dropping = new Set<Promise<void>>();
  private stopping?: Promise<void>;

  /** Starts the server now, if not yet started; resolves when it is ready. Its code loads only then. */
  ready(): Promise<PlaygroundDatabase> {
    this.server ??= import('../../database/start-database.ts').then(({ startDatabase }) =>
      // A check never waits for mongod to download: until it is on the machine, the stand-in serves.
      startDatabase({ quiet: true, allowDownload: false }),
    );
    return this.server;
  }

  /** A fresh database for one worker. */
  async services(): Promise<CheckServices> {
    // Known before the server is ready, so a stop() meanwhile drops it too.
    const dbName = generateDatabaseName();
    this.live.add(dbName);
    const server = await this.ready();
    return { serverUri: server.serverUri, dbName };
  }

  /** Drops one worker's database; never throws (a database already gone is fine). */
  drop(dbName: string): Promise<void> {
    if (!this.live.delete(dbName)) return Promise.resolve();
    const dropped = (async () => {
      try {
        const server = await this.ready();
        // On a learner's own server, over the connection it keeps open; elsewhere a client of our own.
        if (server.dropDatabase) await server.dropDatabase(dbName);
        else await (await this.connected()).db(dbName).dropDatabase();
      } catch {
        // The server is gone or refused: nothing more to do here.
      }
    })();
    // stop() waits for drops under way: the process may end right after it.
    this.dropping.add(dropped);
    void dropped.then(() => this.dropping.delete(dropped));
    return dropped;
  }

  /** Drops what is left (on a learner's own server) and stops the server. */
  stop(): Promise<void> {
    this.stopping ??= (async () => {
      const server = await this.server?.catch(() => undefined);
      if (!server) return;
      // A stand-in or a throwaway mongod goes away whole: only a learner's own server needs dropping.
      if (server.kind === 'external') {
        for (const dbName of [...this.live]) void this.drop(dbName);
        await Promise.all(this.dropping);
      }
      this.live.clear();
      await (await this.client?.catch(() => undefined))?.close().catch(() => undefined);
      await server.stop();
    })();
    return this.stopping;
  }

  private connected(): Promise<MongoClient> {
    this.client ??= Promise.all([import('mongodb'), this.ready()]).then(([{ MongoClient }, server]) =>
      new MongoClient(server.serverUri, { serverSelectionTimeoutMS: 5000 }).connect(),
    );
    return this.client;
  }
}
