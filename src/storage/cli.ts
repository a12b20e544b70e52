// `npm run storage [-- --port N]`: runs the playground storage on its own until
// Ctrl-C. The first stdout line is the ImageKit options as JSON, ready to paste
// into `new ImageKit(...)`.
import { startStorage } from './start-storage.ts';
import { onShutdown } from '../processes/shutdown.ts';
import { takeCharge } from '../processes/take-charge.ts';

takeCharge({ stopIsSuccess: true });

const port = readPort(process.argv.slice(2));
let storage;
try {
  storage = await startStorage({ port, quiet: true });
} catch (error) {
  console.error(`The storage could not start: ${(error as Error).message}`);
  process.exit(1);
}
console.log(JSON.stringify(storage.options));
console.log(storage.description);
if (storage.kind === 'imagekit') process.exit(0); // nothing runs locally

const running = storage;
console.log('Set these in the shell that runs your app:');
for (const [name, value] of Object.entries(running.env)) console.log(`  export ${name}=${value}`);
// The routing of deleteFile lives in axios inside one process, and this process is not the learner's app.
console.log(
  'Uploads and file URLs work from any app. deleteFile does not: the SDK always sends it to api.imagekit.io,',
);
console.log('and only apps the playground starts itself (npm start, npm test) have it sent here instead.');
console.log('Press Ctrl-C to stop; its files are removed then.');
// Ctrl-C, SIGTERM, SIGHUP, or output piped into something that quits (`| head -1`): clean up, then go.
onShutdown(() => running.stop());

function readPort(args: string[]): number | undefined {
  const at = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  if (at < 0) return undefined;
  const text = args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`--port needs a whole number from 0 to 65535, not "${text ?? ''}".`);
    process.exit(1);
  }
  return value;
}
