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
