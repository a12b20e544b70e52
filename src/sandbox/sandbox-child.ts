// Runs playground/sandbox.ts with the database and the storage started and Mongoose connected,
// then stops everything once the file's code has finished. Started by run-sandbox.ts in a
// process group of its own, so Ctrl-C works even when the learner's code never ends.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { playgroundRoot } from '../lessons/catalog.ts';
import { startServices, type Services } from '../lessons/lesson-world.ts';
import { explainError } from '../apps/explain-error.ts';
import { paint } from '../runner/terminal.ts';

const sandboxFile = path.join(playgroundRoot, 'sandbox.ts');

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
  console.error(
    `There is no playground/sandbox.ts. Create it with any code you like, then run \`npm run sandbox\` again.`,
  );
  process.exit(1);
}

try {
  services = await startServices({ quiet: true });
} catch (error) {
  console.error(paint('red', explainError(error, 'services')));
  process.exit(1);
}
console.log(paint('dim', `Database and storage are ready; Mongoose is connected. Running playground/sandbox.ts…\n`));

let code = 0;
try {
  await import(pathToFileURL(sandboxFile).href);
  console.log(paint('dim', `\nplayground/sandbox.ts finished. Stopping the database and the storage.`));
} catch (error) {
  console.error('\n' + paint('red', explainError(error, 'sandbox')));
  code = 1;
}
await stopAndExit(code);
