// `npm run storage [-- --port N]`: runs the playground storage on its own until Ctrl-C,
// speaking the language chosen in the menu. The first stdout line is the ImageKit options as
// JSON, ready to paste into `new ImageKit(...)`.
import { startStorage, type PlaygroundStorage } from '@playground/local-imagekit';
import { onShutdown } from '../processes/shutdown.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import { takeCharge } from '../processes/take-charge.ts';
import { portOrExit } from '../processes/port-option.ts';
import { loadProgress } from '../progress/progress-store.ts';

const english = {
  notStarted: (why: string) => `The storage could not start: ${why}`,
  local: (url: string, folder: string) =>
    `Local ImageKit-compatible storage at ${url} (files in ${folder}, removed when it stops).`,
  yours: (url: string) =>
    `Using your ImageKit account (${url}), because IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY and IMAGEKIT_URL_ENDPOINT are set.`,
  setThese: 'Set these in the shell that runs your app (in a .env file: the same lines, without the word export):',
  deleteFile: [
    'Uploads and file URLs work from any app. For deleteFile, set this too: the SDK always sends it to',
    'api.imagekit.io, and this makes your app load a small file that sends it here instead',
    '(the apps the playground runs for you do without it):',
  ],
  stop: 'Press Ctrl-C to stop; its files are removed then.',
};
const hinglish: typeof english = {
  notStarted: (why) => `Storage start nahi ho paaya: ${why}`,
  local: (url, folder) =>
    `Local ImageKit-jaisa storage ${url} par (files ${folder} mein, band hone par hata di jaati hain).`,
  yours: (url) =>
    `Aapka ImageKit account (${url}) use ho raha hai, kyunki IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY aur IMAGEKIT_URL_ENDPOINT set hain.`,
  setThese:
    'Yeh lines us shell mein set kijiye jismein aapka app chalta hai (.env file mein: yahi lines, bina "export" ke):',
  deleteFile: [
    'Uploads aur file URLs kisi bhi app se chalte hain. deleteFile ke liye yeh bhi set kijiye: SDK use hamesha',
    'api.imagekit.io ko bhejta hai, aur isse aapka app ek chhoti file load karta hai jo use yahan bhej deti hai',
    '(jo apps playground aapke liye chalata hai, unhe iski zaroorat nahi):',
  ],
  stop: 'Band karne ke liye Ctrl-C dabaiye; tab iski files hata di jaayengi.',
};

takeCharge({ stopIsSuccess: true });
// The files go in a scratch folder of this process: removed when it ends, and by a later start
// when it was killed too hard to remove them (kill -9).
process.env.PLAYGROUND_SCRATCH ??= makeScratchFolder().path;

const language = loadProgress().progress.language ?? 'en';
const words = language === 'hinglish' ? hinglish : english;
const port = portOrExit(process.argv.slice(2), 'storage', language);
let storage: PlaygroundStorage;
try {
  storage = await startStorage({ port, quiet: true });
} catch (error) {
  console.error(words.notStarted((error as Error).message));
  process.exit(1);
}
console.log(JSON.stringify(storage.options));
const url = storage.options.urlEndpoint;
console.log(storage.kind === 'local' && storage.folder ? words.local(url, storage.folder) : words.yours(url));
if (storage.kind === 'imagekit') process.exit(0); // nothing runs locally

const running = storage;
console.log(words.setThese);
for (const [name, value] of Object.entries(running.env)) console.log(`  export ${name}=${value}`);
// The routing of deleteFile lives in axios inside one process: an app the playground does not
// start (lesson 08's, once exported) loads it itself, through Node's NODE_OPTIONS.
const routing = import.meta.resolve('@playground/local-imagekit/sdk-routing-preload');
for (const line of words.deleteFile) console.log(line);
console.log(`  export NODE_OPTIONS="--import=${routing}"`);
console.log(words.stop);
// Ctrl-C, SIGTERM, SIGHUP, or output piped into something that quits (`| head -1`): clean up, then go.
onShutdown(() => running.stop());
