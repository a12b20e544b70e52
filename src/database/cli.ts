// `npm run db [-- --port N]`: runs the playground database on its own until Ctrl-C.
// The first line on stdout is the connection string; everything else goes to stderr.
import { DatabaseStartError, startDatabase } from './start-database.ts';
import { onShutdown } from '../processes/shutdown.ts';
import { takeCharge } from '../processes/take-charge.ts';

takeCharge({ stopIsSuccess: true });

function parsePort(argv: string[]): number | undefined {
  const at = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (at < 0) return undefined;
  const raw = argv[at].includes('=') ? argv[at].split('=')[1] : argv[at + 1];
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port needs a number from 0 to 65535 (0 picks any free port), not "${raw ?? ''}".`);
    process.exit(2);
  }
  return port;
}

try {
  const database = await startDatabase({ port: parsePort(process.argv.slice(2)) });
  console.log(database.uri);
  console.error('Press Ctrl-C to stop.');
  // Ctrl-C, SIGTERM or a closed terminal: the database stops (on your own server, its database is dropped).
  onShutdown(() => database.stop());
} catch (error) {
  console.error(error instanceof DatabaseStartError ? error.message : error);
  process.exit(1);
}
