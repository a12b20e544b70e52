// `npm run storage [-- --port N]`: runs the playground storage on its own until
// Ctrl-C. The first stdout line is the ImageKit options as JSON, ready to paste
// into `new ImageKit(...)`.
import { startStorage, type PlaygroundStorage } from '@playground/local-imagekit';
import { onShutdown } from '../processes/shutdown.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { portOrExit } from '../processes/port-option.ts';

takeCharge({ stopIsSuccess: true });
// The files go in a scratch folder of this process: removed when it ends, and by a later start
// when it was killed too hard to remove them (kill -9).
process.env.PLAYGROUND_SCRATCH ??= makeScratchFolder().path;

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
console.log('Set these in the shell that runs your app (in a .env file: the same lines, without the word export):');
for (const [name, value] of Object.entries(running.env)) console.log(`  export ${name}=${value}`);
// The routing of deleteFile lives in axios inside one process: an app the playground does not
// start (lesson 08's, once exported) loads it itself, through Node's NODE_OPTIONS.
const routing = import.meta.resolve('@playground/local-imagekit/sdk-routing-preload');
console.log('Uploads and file URLs work from any app. For deleteFile, set this too: the SDK always sends it to');
console.log('api.imagekit.io, and this makes your app load a small file that sends it here instead');
console.log('(the apps the playground runs for you do without it):');
console.log(`  export NODE_OPTIONS="--import=${routing}"`);
console.log('Press Ctrl-C to stop; its files are removed then.');
// Ctrl-C, SIGTERM, SIGHUP, or output piped into something that quits (`| head -1`): clean up, then go.
onShutdown(() => running.stop());
