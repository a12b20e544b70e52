// What a started database is, whichever tier it is (start-database.ts chooses), and how a
// start fails.

/** A database that could not start, with a message written for a beginner. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}

export type DatabaseKind = 'external' | 'memory-server' | 'standin';

export interface PlaygroundDatabase {
  /** Connection string including the database name, e.g. mongodb://127.0.0.1:PORT/playground_x7k2 */
  uri: string;
  /** The server's connection string as given, for other databases on it (connect with the dbName option). */
  serverUri: string;
  dbName: string;
  kind: DatabaseKind;
  /** Stops the server (or drops the playground's database on your own server). Safe to call twice. */
  stop(): Promise<void>;
  /**
   * On your own server: drops another database of this run, over the connection already open
   * (a stopped run must not wait for a new one). Absent where the whole server goes at stop().
   */
  dropDatabase?(dbName: string): Promise<void>;
}
