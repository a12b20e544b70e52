// Tier 1: the learner's own server from MONGODB_URI (a local mongod or Atlas).
// The playground works only inside a database of its own and drops only that one.
import { MongoClient } from 'mongodb';
import { generateDatabaseName, redactUri, withDatabaseName } from './database-name.ts';
import { DatabaseStartError } from './database-start-error.ts';
import type { PlaygroundDatabase } from './start-database.ts';

/** Connects to the server at `serverUri` and hands out a fresh database on it. */
export async function useExternalDatabase(serverUri: string): Promise<PlaygroundDatabase> {
  const dbName = generateDatabaseName();
  const uri = withDatabaseName(serverUri, dbName);
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    // ping touches no data; it only proves the server answers.
    await client.db(dbName).command({ ping: 1 });
  } catch (error) {
    await client.close().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartError(
      `Could not reach the MongoDB server in MONGODB_URI (${redactUri(serverUri)}): ${reason}. ` +
        'Check the address and password, or unset MONGODB_URI to use the built-in database.',
    );
  }
  return {
    uri,
    dbName,
    kind: 'external',
    description: `Using your MongoDB server from MONGODB_URI (${redactUri(serverUri)}), in database ${dbName}, which is dropped when you stop.`,
    stop: async () => {
      try {
        await client.db(dbName).dropDatabase();
      } finally {
        await client.close();
      }
    },
  };
}
