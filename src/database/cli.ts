// `npm run db [-- --port N]`: runs the playground database on its own until Ctrl-C, speaking
// the language chosen in the menu. The first line on stdout is the connection string;
// everything else goes to stderr.
import { databaseLine } from './database-line.ts';
import { DatabaseStartError, startDatabase } from './start-database.ts';
import { onShutdown } from '../processes/shutdown.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { portOrExit } from '../processes/port-option.ts';
import { loadProgress } from '../progress/progress-store.ts';

takeCharge({ stopIsSuccess: true });

const language = loadProgress().progress.language ?? 'en';
const hinglish = language === 'hinglish';
try {
  const database = await startDatabase({ port: portOrExit(process.argv.slice(2), 'db', language) });
  console.log(database.uri);
  console.error(databaseLine(database.kind, language, database.uri));
  // The same, as the line an app's .env takes (lesson 08's app, once exported).
  console.error(`${hinglish ? 'Aapke app ki .env ke liye' : "For your app's .env"}:\nMONGODB_URI=${database.uri}`);
  console.error(hinglish ? 'Band karne ke liye Ctrl-C dabaiye.' : 'Press Ctrl-C to stop.');
  // Ctrl-C, SIGTERM or a closed terminal: the database stops (on your own server, its database is dropped).
  onShutdown(() => database.stop());
} catch (error) {
  console.error(error instanceof DatabaseStartError ? error.message : error);
  process.exit(1);
}
