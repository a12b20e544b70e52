// What every connection and command shares: the data, the open cursors and the settings.
import type { Catalog } from './catalog.ts';
import type { Cursors } from './cursors.ts';

/** Tunable limits; tests shorten them, the defaults follow mongod where it has one. */
export interface StandinSettings {
  /** Longest a single request may run when it sets no lower maxTimeMS. */
  timeLimitMs: number;
  /** Longest a message may take to arrive once its first bytes have. */
  frameTimeoutMs: number;
  /** How often expired documents of TTL indexes are removed (mongod: every 60 s). */
  ttlMonitorMs: number;
}

/** One stand-in server's shared state. */
export interface ServerState {
  catalog: Catalog;
  cursors: Cursors;
  settings: StandinSettings;
}
