// Tier 2: a real mongod through mongodb-memory-server (downloaded once, then cached).
// Before trying, it checks cheaply whether a mongod can be had at all, so an
// offline machine falls through to the stand-in in well under a second.
import { lookup } from 'node:dns/promises';
import type { MongoMemoryServer } from 'mongodb-memory-server';
// Only the binary lookup, which every check asks (is mongod on this machine?): 50 ms to load
// against 170 ms for all of mongodb-memory-server, which loads when a mongod really starts.
import { DryMongoBinary } from 'mongodb-memory-server-core/lib/util/DryMongoBinary.js';
import { DatabaseStartError, databaseSays } from './playground-database.ts';

const DNS_TIMEOUT_MS = 500;

/** Where mongodb-memory-server would download from (its MONGOMS_* settings win). */
function downloadHost(): string {
  const configured =
    process.env.MONGOMS_DOWNLOAD_URL ?? process.env.MONGOMS_DOWNLOAD_MIRROR ?? 'https://fastdl.mongodb.org';
  try {
    return new URL(configured).hostname;
  } catch {
    return 'fastdl.mongodb.org';
  }
}

/** Resolves the host name within the timeout; never opens a connection. */
function canResolve(host: string): Promise<boolean> {
  const timeout = new Promise<boolean>((resolve) => setTimeout(resolve, DNS_TIMEOUT_MS, false).unref());
  const resolved = lookup(host).then(
    () => true,
    () => false,
  );
  return Promise.race([resolved, timeout]);
}

/**
 * Why no mongod can be had right now, or undefined when one can (cached, system binary, or
 * downloadable). With allowDownload false, only a mongod already on this machine counts.
 */
export async function memoryServerUnavailable(allowDownload = true): Promise<string | undefined> {
  try {
    const options = await DryMongoBinary.generateOptions();
    if (await DryMongoBinary.locateBinary(options)) return undefined;
    if (options.systemBinary) return databaseSays().binaryNotFound(options.systemBinary);
  } catch (error) {
    return databaseSays().cannotLook(error instanceof Error ? error.message : String(error));
  }
  if (!allowDownload) return databaseSays().notDownloaded;
  const host = downloadHost();
  if (await canResolve(host)) return undefined;
  return databaseSays().offline(host);
}

/** Starts a real mongod; throws DatabaseStartError with the reason if it cannot. */
export async function startMemoryServer(port?: number): Promise<MongoMemoryServer> {
  try {
    const unavailable = await memoryServerUnavailable();
    if (unavailable) throw new Error(unavailable);
    const { MongoMemoryServer } = await import('mongodb-memory-server');
    return await MongoMemoryServer.create({ instance: port ? { port } : {} });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartError(databaseSays().noMongod(reason));
  }
}
