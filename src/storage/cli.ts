// `npm run storage [-- --port N]`: runs the playground storage on its own until
// Ctrl-C. The first stdout line is the ImageKit options as JSON, ready to paste
// into `new ImageKit(...)`.
import { startStorage, type PlaygroundStorage } from './start-storage.ts';
import { onShutdown } from '../processes/shutdown.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { portOrExit } from '../runner/port-option.ts';

takeCharge({ stopIsSuccess: true });

const port = portOrExit(process.argv.slice(2), 'storage');
let storage: PlaygroundStorage;
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
