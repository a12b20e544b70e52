// Names for the playground's own databases, so a run never touches anyone else's data, and
// a database left by a run that died (kill -9, power loss) can be told apart and dropped later.
import { createHash, randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

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
 * `uri` with its database path replaced by `dbName`, keeping the query string.
 * Works for mongodb:// with several hosts and for mongodb+srv://. When the URI has
 * credentials, the original auth database is kept explicit (authSource), because
 * the driver would otherwise try to log in against the new database.
 */
export function withDatabaseName(uri: string, dbName: string): string {
  const schemeEnd = uri.indexOf('://');
  if (schemeEnd < 0) throw new Error(`"${uri}" does not look like a mongodb:// URI`);
  const scheme = uri.slice(0, schemeEnd + 3);
  const rest = uri.slice(schemeEnd + 3);
  // Reserved characters in credentials must be percent-encoded, so the first / or ? ends the hosts.
  const hostsEnd = rest.search(/[/?]/);
  const authority = hostsEnd < 0 ? rest : rest.slice(0, hostsEnd);
  const tail = hostsEnd < 0 ? '' : rest.slice(hostsEnd);
  const queryStart = tail.indexOf('?');
  const path = (queryStart < 0 ? tail : tail.slice(0, queryStart)).replace(/^\//, '');
  const params = new URLSearchParams(queryStart < 0 ? '' : tail.slice(queryStart + 1));
  if (authority.includes('@') && !params.has('authSource'))
    params.set('authSource', decodeURIComponent(path) || 'admin');
  const query = params.toString();
  return `${scheme}${authority}/${dbName}${query ? `?${query}` : ''}`;
}

/** The URI without credentials, fit to print. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/?]*@/, '//***@');
}
