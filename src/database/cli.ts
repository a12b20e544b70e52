// `npm run db [-- --port N]`: runs the playground database on its own until Ctrl-C.
// The first line on stdout is the connection string; everything else goes to stderr.
import { DatabaseStartError, startDatabase } from './start-database.ts';
import { onShutdown } from '../processes/shutdown.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { portOrExit } from '../processes/port-option.ts';

takeCharge({ stopIsSuccess: true });

try {
  const database = await startDatabase({ port: portOrExit(process.argv.slice(2), 'db') });
  console.log(database.uri);
  // The same, as the line an app's .env takes (lesson 08's app, once exported).
  console.error(`For your app's .env:\nMONGODB_URI=${database.uri}`);
  console.error('Press Ctrl-C to stop.');
  // Ctrl-C, SIGTERM or a closed terminal: the database stops (on your own server, its database is dropped).
  onShutdown(() => database.stop());
} catch (error) {
  console.error(error instanceof DatabaseStartError ? error.message : error);
  process.exit(1);
}
