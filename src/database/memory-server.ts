// Tier 2: a real mongod through mongodb-memory-server (downloaded once, then cached).
// Before trying, it checks cheaply whether a mongod can be had at all, so an
// offline machine falls through to the stand-in in well under a second.
import { lookup } from 'node:dns/promises';
import type { MongoMemoryServer } from 'mongodb-memory-server';
// Only the binary lookup, which every check asks (is mongod on this machine?): 50 ms to load
// against 170 ms for all of mongodb-memory-server, which loads when a mongod really starts.
import { DryMongoBinary } from 'mongodb-memory-server-core/lib/util/DryMongoBinary.js';
import { DatabaseStartError } from './playground-database.ts';

const DNS_TIMEOUT_MS = 500;
const WHAT_TO_DO =
  'Unset PLAYGROUND_DB to let the playground use its offline stand-in, or set MONGODB_URI to your own MongoDB server.';

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
    if (options.systemBinary) return `MONGOMS_SYSTEM_BINARY points to ${options.systemBinary}, which was not found`;
  } catch (error) {
    return `mongodb-memory-server could not look for mongod (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!allowDownload) return 'mongod is not downloaded yet (npm run db fetches it once, when online)';
  const host = downloadHost();
  if (await canResolve(host)) return undefined;
  return `mongod is not downloaded yet and ${host} cannot be reached (no internet?)`;
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
    throw new DatabaseStartError(`Could not start a real MongoDB with mongodb-memory-server: ${reason}. ${WHAT_TO_DO}`);
  }
}
