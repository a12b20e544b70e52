// Runs playground/sandbox.ts with the database and the storage started and Mongoose connected.
// When the file's code has finished, everything stops, unless it started a server that
// listens: then it keeps serving, and says so, until Ctrl-C or until the server closes.
// Started by run-sandbox.ts in a process group of its own, so Ctrl-C works even when the
// learner's code never ends.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { playgroundRoot } from '../lessons/catalog.ts';
import { startServices, type Services } from '../lessons/lesson-world.ts';
import { explainError } from '../apps/explain-error.ts';
import { loadProgress } from '../progress/progress-store.ts';
import { databaseLine } from '../database/database-line.ts';
import { paint } from '../terminal/terminal.ts';
import { followServers } from './servers.ts';
import { sandboxWords } from './sandbox-words.ts';

const sandboxFile = path.join(playgroundRoot, 'sandbox.ts');
const language = loadProgress().progress.language ?? 'en';
const words = sandboxWords(language);

let services: Services | undefined;
let stopping = false;
async function stopAndExit(code: number): Promise<never> {
  if (stopping) process.exit(code);
  stopping = true;
  await services?.stop();
  process.exit(code);
}
process.on('message', (message) => message === 'stop' && void stopAndExit(130));
process.on('disconnect', () => void stopAndExit(130));
process.on('SIGTERM', () => void stopAndExit(130));
process.on('SIGINT', () => void stopAndExit(130));

if (!existsSync(sandboxFile)) {
  console.error(words.noFile);
  process.exit(1);
}

try {
  services = await startServices({ quiet: true });
} catch (error) {
  console.error(paint('red', explainError(error, 'services', language)));
  process.exit(1);
}
if (services.database) console.log(paint('dim', databaseLine(services.database.kind, language, services.database.uri)));
console.log(paint('dim', `${words.ready}\n`));

// From here on, every server the sandbox's code starts is followed.
const servers = followServers();
let code = 0;
try {
  await import(pathToFileURL(sandboxFile).href);
  const listening = await servers.listening();
  if (listening.length) {
    console.log(paint('dim', `\n${words.serving(listening)}`));
    await servers.allClosed();
    console.log(paint('dim', `\n${words.serversClosed}`));
  } else console.log(paint('dim', `\n${words.finished}`));
} catch (error) {
  console.error('\n' + paint('red', explainError(error, 'sandbox', language)));
  code = 1;
}
servers.stop();
await stopAndExit(code);
