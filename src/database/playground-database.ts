// What a started database is, whichever tier it is (start-database.ts chooses), and how a
// start fails, in the learner's language.
import { loadProgress } from '../progress/progress-store.ts';

const words = {
  en: {
    unknownKind: (value: string, kinds: string) =>
      `PLAYGROUND_DB is "${value}", but it can only be ${kinds} (or unset to choose automatically).`,
    portTaken: (port: string) =>
      `Port ${port} is already in use. Is another playground database (npm run db) still running? Stop it, or pick another port with --port.`,
    noUri:
      'PLAYGROUND_DB is "external", but MONGODB_URI is not set. Set it to your server, e.g. mongodb://127.0.0.1:27017',
    unreachable: (uri: string, reason: string) =>
      `Could not reach the MongoDB server in MONGODB_URI (${uri}): ${reason}. Check the address and password, or unset MONGODB_URI to use the built-in database.`,
    noMongod: (reason: string) =>
      `Could not start a real MongoDB with mongodb-memory-server: ${reason}. Unset PLAYGROUND_DB to let the playground use its offline stand-in, or set MONGODB_URI to your own MongoDB server.`,
    binaryNotFound: (binary: string) => `MONGOMS_SYSTEM_BINARY points to ${binary}, which was not found`,
    cannotLook: (why: string) => `mongodb-memory-server could not look for mongod (${why})`,
    notDownloaded: 'mongod is not downloaded yet (npm run db fetches it once, when online)',
    offline: (host: string) => `mongod is not downloaded yet and ${host} cannot be reached (no internet?)`,
  },
  hinglish: {
    unknownKind: (value: string, kinds: string) =>
      `PLAYGROUND_DB "${value}" hai, lekin yeh sirf ${kinds} ho sakta hai (ya ise unset kijiye, taaki playground khud chune).`,
    portTaken: (port: string) =>
      `Port ${port} pehle se use mein hai. Kya koi aur playground database (npm run db) abhi bhi chal raha hai? Use band kijiye, ya --port se koi aur port chuniye.`,
    noUri:
      'PLAYGROUND_DB "external" hai, lekin MONGODB_URI set nahi hai. Ise apne server ka address dijiye, jaise mongodb://127.0.0.1:27017',
    unreachable: (uri: string, reason: string) =>
      `MONGODB_URI wale MongoDB server (${uri}) tak nahi pahunch paaye: ${reason}. Address aur password check kijiye, ya built-in database use karne ke liye MONGODB_URI unset kijiye.`,
    noMongod: (reason: string) =>
      `mongodb-memory-server se asli MongoDB start nahi ho paaya: ${reason}. PLAYGROUND_DB unset kijiye taaki playground apna offline stand-in use kare, ya MONGODB_URI mein apna MongoDB server dijiye.`,
    binaryNotFound: (binary: string) => `MONGOMS_SYSTEM_BINARY ${binary} ko point karta hai, lekin woh file mili nahi`,
    cannotLook: (why: string) => `mongodb-memory-server mongod ko dhoondh nahi paaya (${why})`,
    notDownloaded: 'mongod abhi download nahi hua hai (npm run db online hone par use ek baar download kar leta hai)',
    offline: (host: string) =>
      `mongod abhi download nahi hua hai aur ${host} tak pahunch nahi pa rahe (internet nahi hai?)`,
  },
};

/**
 * Why the database did not start, in the language the learner saved: its callers (a check, the
 * lesson app, npm run db) do not pass one, and progress is read only when something went wrong.
 */
export function databaseSays(): (typeof words)['en'] {
  return words[loadProgress().progress.language ?? 'en'];
}

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
