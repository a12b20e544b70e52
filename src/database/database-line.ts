// The one line saying which database the playground uses (README, "The database"): the app
// runner and the sandbox say it from the database they started; the menu's first check says
// it for the check's database, chosen by start-database.ts's own chooseDatabaseKind, without
// a download (a check never waits for one: src/check/host/host-database.ts).
import { redactConnectionString } from 'mongodb-connection-string-url';
import type { DatabaseKind } from './playground-database.ts';
import type { Language } from '../progress/progress-store.ts';

const names: Record<Language, Record<DatabaseKind, string>> = {
  en: {
    external: 'your own MongoDB (MONGODB_URI), in a database of its own, dropped at the end',
    'memory-server': 'a real MongoDB (mongodb-memory-server)',
    standin:
      "the offline stand-in database: it speaks MongoDB's language but is not a real mongod (run npm run db once while online to get one)",
  },
  hinglish: {
    external: 'aapka apna MongoDB (MONGODB_URI), ek alag database mein jo end pe drop ho jaata hai',
    'memory-server': 'ek real MongoDB (mongodb-memory-server)',
    standin:
      'offline stand-in database: MongoDB ki language bolta hai, par real mongod nahi hai (online hote hue ek baar npm run db chalaiye, real wala mil jaayega)',
  },
};

/** "Database at <uri>: …" for a run that started a database of `kind`; a password in `uri` is not shown. */
export function databaseLine(kind: DatabaseKind, language: Language, uri: string): string {
  const shown = redactConnectionString(uri);
  return language === 'hinglish'
    ? `Database (${shown}): ${names.hinglish[kind]}.`
    : `Database at ${shown}: ${names.en[kind]}.`;
}

/** The line for the checks' database, or undefined when it cannot be told. */
export async function checkDatabaseLine(language: Language): Promise<string | undefined> {
  // As a check chooses it: never a download (a PLAYGROUND_DB it does not know, the check itself explains).
  const { chooseDatabaseKind } = await import('./start-database.ts');
  const kind = await chooseDatabaseKind(false).catch(() => undefined);
  if (!kind) return undefined;
  return language === 'hinglish' ? `Checks ka database: ${names.hinglish[kind]}.` : `Checks run on ${names.en[kind]}.`;
}
