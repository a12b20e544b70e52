// The playground's database: your own server (MONGODB_URI), else a real mongod from
// mongodb-memory-server, else the offline stand-in. PLAYGROUND_DB forces a tier.
// Each tier's code loads only when that tier is tried: a check starts the database while its
// test worker loads, on the same two cores, and loading all three took 0.7 s instead of 0.4 s.
import { generateDatabaseName } from './database-name.ts';
import { DatabaseStartError, databaseSays, type DatabaseKind, type PlaygroundDatabase } from './playground-database.ts';

export { DatabaseStartError, type PlaygroundDatabase } from './playground-database.ts';

const KINDS: DatabaseKind[] = ['external', 'memory-server', 'standin'];

function forcedKind(): DatabaseKind | undefined {
  const value = process.env.PLAYGROUND_DB?.trim();
  if (!value) return undefined;
  if ((KINDS as string[]).includes(value)) return value as DatabaseKind;
  throw new DatabaseStartError(databaseSays().unknownKind(value, KINDS.join(', ')));
}

async function memoryServerDatabase(port: number | undefined): Promise<PlaygroundDatabase> {
  const { startMemoryServer } = await import('./memory-server.ts');
  const server = await startMemoryServer(port);
  const dbName = generateDatabaseName();
  return {
    uri: server.getUri(dbName),
    serverUri: server.getUri(),
    dbName,
    kind: 'memory-server',
    stop: async () => void (await server.stop()),
  };
}

async function standinDatabase(port: number | undefined): Promise<PlaygroundDatabase> {
  const { startStandin } = await import('@playground/offline-mongodb');
  const standin = await startStandin({ port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new DatabaseStartError(databaseSays().portTaken(String(port)));
  });
  const dbName = generateDatabaseName();
  return {
    uri: `${standin.uri}/${dbName}`,
    serverUri: standin.uri,
    dbName,
    kind: 'standin',
    stop: standin.stop,
  };
}

/**
 * The tier startDatabase tries first: PLAYGROUND_DB, else your own server (MONGODB_URI), else a
 * real mongod if one can be had, else the stand-in. Throws DatabaseStartError for a PLAYGROUND_DB
 * it does not know. (A mongod that will not start still falls back to the stand-in.)
 */
export async function chooseDatabaseKind(allowDownload = true): Promise<DatabaseKind> {
  const forced = forcedKind();
  if (forced) return forced;
  if (process.env.MONGODB_URI?.trim()) return 'external';
  const { memoryServerUnavailable } = await import('./memory-server.ts');
  return (await memoryServerUnavailable(allowDownload)) ? 'standin' : 'memory-server';
}

export interface StartDatabaseOptions {
  port?: number;
  /** Say nothing on stderr when a real mongod would not start and the stand-in serves instead. */
  quiet?: boolean;
  /**
   * May a first use download mongod (about 100 MB)? The checks say no: a learner waits on
   * them, and they use the stand-in until mongod is on the machine. Default: yes.
   */
  allowDownload?: boolean;
}

/** Starts the first database that works (databaseLine says which, in the learner's language). */
export async function startDatabase(options: StartDatabaseOptions = {}): Promise<PlaygroundDatabase> {
  const kind = await chooseDatabaseKind(options.allowDownload ?? true);
  let database: PlaygroundDatabase;
  if (kind === 'external') {
    const externalUri = process.env.MONGODB_URI?.trim();
    if (!externalUri) throw new DatabaseStartError(databaseSays().noUri);
    const { useExternalDatabase } = await import('./external-database.ts');
    database = await useExternalDatabase(externalUri);
  } else if (kind === 'standin') {
    database = await standinDatabase(options.port);
  } else if (forcedKind()) {
    database = await memoryServerDatabase(options.port);
  } else {
    database = await memoryServerDatabase(options.port).catch(async (error: unknown) => {
      // A mongod that looked available but would not start: the stand-in still lets you learn.
      if (!options.quiet) console.error(error instanceof Error ? error.message : String(error));
      return standinDatabase(options.port);
    });
  }
  // Each tier's stop runs at most once: guarded here, rather than by each tier itself.
  let stopping: Promise<void> | undefined;
  return { ...database, stop: () => (stopping ??= database.stop()) };
}
