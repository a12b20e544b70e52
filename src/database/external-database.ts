// Tier 1: the learner's own server from MONGODB_URI (a local mongod or Atlas).
// The playground works only inside a database of its own and drops only that one.
import { MongoClient } from 'mongodb';
import { redactConnectionString } from 'mongodb-connection-string-url';
import { generateDatabaseName, ownerOnThisMachine } from './database-name.ts';
import { databaseUri } from './database-uri.ts';
import { DatabaseStartError, databaseSays, type PlaygroundDatabase } from './playground-database.ts';
import { isRunning } from '../processes/process-table.ts';

/**
 * Drops the databases a playground run of this machine made and could not drop because it
 * died first (kill -9, power loss): its name says which process made it, and that process
 * is gone. Names of other machines or of anyone else are never touched.
 */
async function dropDatabasesOfEndedRuns(client: MongoClient): Promise<void> {
  const admin = client.db('admin').admin();
  // Not allowed to list: nothing is dropped.
  const listed = await admin.listDatabases({ nameOnly: true, authorizedDatabases: true }).catch(() => undefined);
  for (const { name } of listed?.databases ?? []) {
    const owner = ownerOnThisMachine(name);
    if (owner === undefined || owner === process.pid || isRunning(owner)) continue;
    // Not allowed, or already gone: leave it.
    await client
      .db(name)
      .dropDatabase()
      .catch(() => undefined);
  }
}

/** Connects to the server at `serverUri` and hands out a fresh database on it. */
export async function useExternalDatabase(serverUri: string): Promise<PlaygroundDatabase> {
  const dbName = generateDatabaseName();
  // The server's URI as given, and the database named on each call: the client's dbName option
  // would also move the login to that database when the URI has a password and no authSource.
  let client: MongoClient | undefined;
  try {
    client = new MongoClient(serverUri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    // ping touches no data; it only proves the server answers.
    await client.db(dbName).command({ ping: 1 });
    await dropDatabasesOfEndedRuns(client);
  } catch (error) {
    await client?.close().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartError(databaseSays().unreachable(redactConnectionString(serverUri), reason));
  }
  return {
    uri: databaseUri(serverUri, dbName),
    serverUri,
    dbName,
    kind: 'external',
    dropDatabase: async (name) => void (await client.db(name).dropDatabase()),
    stop: async () => {
      try {
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
