// Names for the playground's own databases, so a run never touches anyone else's data, and
// a database left by a run that died (kill -9, power loss) can be told apart and dropped later.
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { ConnectionString } from 'mongodb-connection-string-url';

const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ownName = /^playground_([a-z0-9]{6})_(\d+)_[a-z0-9]{6}$/;

/** Six letters and digits that stand for this machine (its host name, hashed). */
function machineTag(): string {
  const digest = createHash('sha256').update(hostname()).digest();
  return [...digest.subarray(0, 6)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

/** A fresh database name like "playground_k3x9q1_4211_x7k2q9": this machine, this process, and chance. */
export function generateDatabaseName(): string {
  const suffix = [...randomBytes(6)].map((byte) => alphabet[byte % alphabet.length]).join('');
  return `playground_${machineTag()}_${process.pid}_${suffix}`;
}

/** The process of this machine that made the database `name`; undefined for any other name. */
export function ownerOnThisMachine(name: string): number | undefined {
  const match = ownName.exec(name);
  return match && match[1] === machineTag() ? Number(match[2]) : undefined;
}

/**
 * The connection string of database `dbName` on the server at `serverUri`, to print for mongosh
 * or Compass (the playground connects to `serverUri` and names the database in code). With
 * credentials and no authSource, the login database stays the one `serverUri` had: the path
 * names the database to log in against too.
 */
export function databaseUri(serverUri: string, dbName: string): string {
  const uri = new ConnectionString(serverUri);
  if (uri.username && !uri.searchParams.has('authSource'))
    uri.searchParams.set('authSource', decodeURIComponent(uri.pathname.slice(1)) || 'admin');
  uri.pathname = `/${dbName}`;
  return uri.toString();
}
