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
import { stopWhenAsked } from '../processes/shutdown.ts';

// What it says around the learner's own code, in the learner's language.
const english = {
  noFile: 'There is no playground/sandbox.ts. Create it with any code you like, then run npm run sandbox again.',
  ready: 'Database and storage are ready; Mongoose is connected. Running playground/sandbox.ts…',
  finished: 'playground/sandbox.ts finished. Stopping the database and the storage.',
  serving: (where: string[]) =>
    `playground/sandbox.ts finished, and the server it started is listening (${where.join(', ')}): ` +
    'it keeps serving until you press Ctrl-C.',
  serversClosed: 'Your server closed. Stopping the database and the storage.',
};

const hinglish: typeof english = {
  noFile:
    'playground/sandbox.ts nahi hai. Use banaiye, usmein jo code chahein likhiye, phir npm run sandbox dobara chalaiye.',
  ready: 'Database aur storage ready hain; Mongoose connected hai. playground/sandbox.ts chal raha hai…',
  finished: 'playground/sandbox.ts khatam ho gaya. Database aur storage band ho rahe hain.',
  serving: (where: string[]) =>
    `playground/sandbox.ts khatam ho gaya, par usne jo server start kiya woh abhi bhi listen kar raha hai (${where.join(', ')}): ` +
    'jab tak aap Ctrl-C nahi dabaate, woh requests ka answer deta rahega.',
  serversClosed: 'Aapka server band ho gaya. Database aur storage band ho rahe hain.',
};

const sandboxFile = path.join(playgroundRoot, 'sandbox.ts');
const language = loadProgress().progress.language ?? 'en';
const words = language === 'hinglish' ? hinglish : english;

let services: Services | undefined;
stopWhenAsked(async () => {
  await services?.stop();
  process.exit(130);
});

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
await services.stop();
process.exit(code);
