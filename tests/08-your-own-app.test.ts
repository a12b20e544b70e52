// Lesson 08: the learner's own app, started the way they start it: `node --import tsx server.ts`
// as a process of its own, from another folder, with the playground's database and storage in
// its environment. The check holds the database back at first, to see the app connect before it
// listens; drives the API over HTTP and the page in a headless Chromium; starts it once more
// with settings missing; looks for a key written in its files; and ends it with SIGTERM.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnServer, type Ended, type OwnServer } from '../src/apps/own-server.ts';
import { launchBrowser, type LaunchedBrowser, type NoBrowser } from '../src/browser/launch-browser.ts';
import { exerciseDir } from '../src/lessons/exercise.ts';
import { filesUnder } from '../src/lessons/layers.ts';
import { underWayWhile } from '../src/lessons/progress-clock.ts';
import { holdDatabase, type HeldDatabase } from './support/held-database.ts';
import { plannedRefusal, onlyLocalStorageRefuses } from './support/planned-refusal.ts';
import { watchStorageTraffic } from './support/storage-traffic.ts';
import { toneWav } from './support/tone-wav.ts';
import { useLesson } from './support/use-lesson.ts';
import { said, type Twice } from './support/said.ts';
import { freePort } from '../src/processes/free-port.ts';

const lesson = useLesson<undefined>('08-your-own-app');
const storage = watchStorageTraffic();
const songs = () => mongoose.connection.collection('songs');
const local = () => lesson.storage.kind === 'local';

// Wall-clock patience for the app's own process, which the check cannot watch from inside: far
// beyond what a correct app needs on a slow machine (a start takes 1-3 s, a request milliseconds).
const START_MS = 20_000;
const ANSWER_MS = 10_000;
const STOP_MS = 5_000;
/** How long a listen-first app gets to show it listens while its database connection is held. */
const HELD_MS = 500;

let dir = '';
let port = 0;
let app: OwnServer | undefined;
let held: HeldDatabase | undefined;
/** A sentence still to be joined to others, in both languages. */
/** Why the app is not running for the checks below, in words; undefined while it runs. */
let notRunning: Twice | undefined;
/** Whether it listened while its database connection was still held back; undefined when not known. */
let listenedBeforeDatabase: boolean | undefined;
/** The same app started with settings missing: how it ended, and what it said. */
let missingSettings: Promise<{ ended: Ended | 'still running'; output: string }>;

/** What the app printed, without the check's own probe line, for a learner to read. */
function shown(output: string): Twice {
  const lines = output.trim().split('\n').slice(-15).join('\n');
  return output.trim()
    ? { english: `\nIt printed:\n${lines}`, hinglish: `\nUsne yeh print kiya:\n${lines}` }
    : { english: '\nIt printed nothing.', hinglish: '\nUsne kuch print nahi kiya.' };
}

/** The settings the app gets: the playground's database and storage, a free port. */
function settings(uri: string): Record<string, string> {
  return { PORT: String(port), MONGODB_URI: uri, ...lesson.storage.env };
}

/** Waits for `promise`, or `ms`; undefined when the time ran out. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(resolve, ms, undefined)));
  try {
    return await underWayWhile(Promise.race([promise, late]));
  } finally {
    clearTimeout(timer);
  }
}

/** Why a process that should serve ended instead, or never listened. */
function endedEarly(ended: Ended | undefined, output: string): Twice {
  const printed = shown(output);
  if (!ended)
    return {
      english: `Your app did not listen on PORT (${port}) within ${START_MS / 1000} s.${printed.english}`,
      hinglish: `Aapka app ${START_MS / 1000} s mein PORT (${port}) par listen nahi kar paaya.${printed.hinglish}`,
    };
  if (ended.code === 0 && !output.trim())
    return {
      english:
        `Your server.ts ended at once, printing nothing, without listening on PORT (${port}): it starts nothing yet. ` +
        'It should connect to the database with connectDB(), then listen with app.listen(env.port, …), and keep running.',
      hinglish:
        `Aapka server.ts turant khatam ho gaya, kuch print kiye bina aur PORT (${port}) par listen kiye bina: woh abhi ` +
        'kuch start nahi karta. Use connectDB() se database se connect karna chahiye, phir app.listen(env.port, …) se ' +
        'listen karna chahiye, aur chalte rehna chahiye.',
    };
  const how = ended.signal ? `was ended by ${ended.signal}` : `ended with exit code ${ended.code}`;
  const howHinglish = ended.signal
    ? `${ended.signal} se band kar diya gaya`
    : `exit code ${ended.code} ke saath band ho gaya`;
  return {
    english:
      `Your app ${how} before it listened on PORT (${port}). server.ts should connect to the database, ` +
      `then listen with app.listen(env.port, …), and keep running.${printed.english}`,
    hinglish:
      `Aapka app PORT (${port}) par listen karne se pehle hi ${howHinglish}. server.ts ko database se connect karna ` +
      `chahiye, phir app.listen(env.port, …) se listen karna chahiye, aur chalte rehna chahiye.${printed.hinglish}`,
  };
}

beforeAll(async () => {
  dir = await exerciseDir(lesson.world.lesson, lesson.world.target);
  port = await freePort();
  // Started from the folder above the app's: a page found from the working folder is not found there.
  const cwd = path.dirname(dir);

  missingSettings = (async () => {
    const { MONGODB_URI: _, IMAGEKIT_PRIVATE_KEY: __, ...rest } = settings('');
    const started = startOwnServer({ dir, cwd, settings: { ...rest, PORT: String(await freePort()) } });
    const ended = await within(started.ended, START_MS);
    await started.end();
    return { ended: ended ?? 'still running', output: started.output() };
  })();

  held = await holdDatabase(lesson.world.address);
  app = startOwnServer({ dir, cwd, settings: settings(held.uri) });
  const started = app;
  // Told from inside the app: on a busy machine another program may answer on PORT too.
  const listening = started.listening(port);
  const first = await within(
    Promise.race([
      held.reached.then(() => 'reached' as const),
      started.ended.then(() => 'ended' as const),
      listening.then((yes) => (yes ? ('listening' as const) : ('ended' as const))),
    ]),
    START_MS,
  );
  if (first === 'reached' && held.held) {
    // Its connection is waiting at the door: an app that connects first does not listen yet.
    listenedBeforeDatabase = (await within(listening, HELD_MS)) === true;
  } else if (first === 'listening') {
    listenedBeforeDatabase = true;
  }
  held.open();
  const up = await within(listening, START_MS);
  if (!up) notRunning = endedEarly(await within(started.ended, 10), started.output());
});

afterAll(async () => {
  await app?.end();
  await held?.close();
  await songs()
    .drop()
    .catch(() => {});
});

/** Fails with the reason the app is not running, so each check below says it once, plainly. */
function running(): void {
  if (notRunning)
    expect.fail(
      said(
        `The app is not running, so this could not be checked. ${notRunning.english}`,
        `App chal nahi raha hai, isliye yeh check nahi ho saka. ${notRunning.hinglish}`,
      ),
    );
}

/** A request to the app; one with no answer in time gets a plain explanation instead of a hang. */
async function call(
  method: string,
  route: string,
  body?: FormData,
): Promise<{ status: number; type: string; json: any; text: string }> {
  running();
  const what = `${method} ${route}`;
  const answered = await within(
    fetch(`http://127.0.0.1:${port}${route}`, { method, body }).then(async (res) => {
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, type: res.headers.get('content-type') ?? '', json, text };
    }),
    ANSWER_MS,
  ).catch((error: Error) => {
    const printed = shown(app!.output());
    return expect.fail(
      said(
        `${what} failed: ${error.message}.${printed.english}`,
        `${what} fail ho gaya: ${error.message}.${printed.hinglish}`,
      ),
    );
  });
  if (!answered)
    expect.fail(
      said(
        `${what} got no answer in ${ANSWER_MS / 1000} s. Does every path of the route end with res.json(...), ` +
          'and does every promise it awaits settle?',
        `${what} ko ${ANSWER_MS / 1000} s mein koi jawab nahi mila. Kya route ka har raasta res.json(...) par ` +
          'khatam hota hai, aur kya woh jis bhi promise ko await karta hai woh settle hota hai?',
      ),
    );
  return answered;
}

/** What an answer that is not JSON most likely means. */
function notJson(what: Twice, answer: { status: number; type: string; text: string }): string {
  if (answer.type.startsWith('text/html'))
    return aboutMistake(
      said(
        `${what.english} answered ${answer.status} with an HTML page (Express's own error page), and the page reads JSON. ` +
          'Add a JSON error handler as the last app.use in app.ts, with four arguments: ' +
          'app.use((error, req, res, next) => res.status(…).json({ ok: false, … })).',
        `${what.hinglish} ka jawab ${answer.status} aaya, ek HTML page ke saath (Express ka apna error page), jabki page JSON ` +
          'padhta hai. app.ts mein aakhri app.use ke roop mein ek JSON error handler jodiye, chaar arguments ke saath: ' +
          'app.use((error, req, res, next) => res.status(…).json({ ok: false, … })).',
      ),
      'No JSON error handler',
    );
  return said(
    `${what.english} answered ${answer.status} ${answer.text.slice(0, 200)}`,
    `${what.hinglish} ka jawab aaya: ${answer.status} ${answer.text.slice(0, 200)}`,
  );
}

function songForm(fields: Record<string, string>, file = toneWav(0.25), name = 'song.wav'): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('audio', new Blob([new Uint8Array(file)], { type: 'audio/wav' }), name);
  return form;
}

describe(said('starting up', 'start hote waqt'), () => {
  it(
    said(
      'connects to the database first, then listens on PORT',
      'pehle database se connect karta hai, phir PORT par listen karta hai',
    ),
    () => {
      // The start itself: why it did not happen is this check's own failure.
      if (notRunning) expect.fail(said(notRunning.english, notRunning.hinglish));
      if (!held?.held) return; // a cluster address (Atlas) cannot be held back; nothing to see
      expect(
        listenedBeforeDatabase,
        aboutMistake(
          said(
            'Your app listened on PORT before its database connection was made: a request that came then would find ' +
              'no database. In server.ts, await connectDB() first, then app.listen(...). (And in connectDB(), ' +
              'await mongoose.connect(...): without await it returns before the connection is made.)',
            'Aapke app ne database connection banne se pehle hi PORT par listen kar liya: us waqt aayi request ko ' +
              'database nahi milta. server.ts mein pehle await connectDB() kijiye, phir app.listen(...). (Aur connectDB() ' +
              'mein await mongoose.connect(...) kijiye: await ke bina woh connection banne se pehle hi return ho jaata hai.)',
          ),
          'Listening before connecting',
        ),
      ).toBe(false);
    },
  );

  it(
    said(
      'stops at once with one sentence naming a missing setting, not a stack trace',
      'koi setting missing ho toh ek sentence mein uska naam batakar turant ruk jaata hai, stack trace ke bina',
    ),
    async () => {
      running(); // with every setting it must start first: what it does without some means little before that
      const { ended, output } = await missingSettings;
      const printed = shown(output);
      expect(
        ended,
        said(
          `Started without MONGODB_URI and IMAGEKIT_PRIVATE_KEY, your app was still running after ${START_MS / 1000} s. ` +
            'Check the settings first and stop: console.error(…one sentence…), then process.exit(1).' +
            printed.english,
          `MONGODB_URI aur IMAGEKIT_PRIVATE_KEY ke bina start hone par aapka app ${START_MS / 1000} s baad bhi chal raha ` +
            'tha. Pehle settings check kijiye aur app rokiye: console.error(…ek sentence…), phir process.exit(1).' +
            printed.hinglish,
        ),
      ).not.toBe('still running');
      const lines = output.split('\n');
      const stack = lines.some((line) => /^\s+at .+[:(]/.test(line));
      const named = /MONGODB_URI|IMAGEKIT_PRIVATE_KEY/.test(output);
      if (ended !== 'still running' && ended.code === 0 && !lines.join('').trim())
        expect.fail(
          aboutMistake(
            said(
              'Started without MONGODB_URI and IMAGEKIT_PRIVATE_KEY, your app ended without a word and with exit code 0: ' +
                'nothing it ran checked the settings. In src/config/env.ts, find the missing names, console.error() them in ' +
                'one sentence, and process.exit(1); the files that need a setting import env from there.',
              'MONGODB_URI aur IMAGEKIT_PRIVATE_KEY ke bina start hone par aapka app bina kuch kahe, exit code 0 ke saath ' +
                'band ho gaya: usne jo bhi chalaya, kisi ne settings check nahi ki. src/config/env.ts mein missing naam ' +
                'dhoondhiye, unhe ek sentence mein console.error() kijiye, aur process.exit(1) kijiye; jin files ko setting ' +
                'chahiye, woh env wahin se import karti hain.',
            ),
            'No check for a missing variable',
          ),
        );
      expect(
        named && !stack,
        aboutMistake(
          said(
            `Started without MONGODB_URI and IMAGEKIT_PRIVATE_KEY, your app ${stack ? 'crashed with a stack trace' : 'stopped'}` +
              `${named ? '' : ' without naming what is missing'}. A missing setting should stop the start with one sentence ` +
              'naming it, before any library reads undefined: in src/config/env.ts, find the missing names, ' +
              'console.error() them in one sentence, and process.exit(1).' +
              printed.english,
            `MONGODB_URI aur IMAGEKIT_PRIVATE_KEY ke bina start hone par aapka app ${stack ? 'stack trace ke saath crash ho gaya' : 'ruk gaya'}` +
              `${named ? '' : ', par yeh nahi bataya ki kya missing hai'}. Koi setting missing ho, toh app ko start hote hi ` +
              'ek sentence mein uska naam batakar ruk jaana chahiye, isse pehle ki koi library undefined padhe: ' +
              'src/config/env.ts mein missing naam dhoondhiye, unhe ek sentence mein console.error() kijiye, aur ' +
              'process.exit(1) kijiye.' +
              printed.hinglish,
          ),
          'No check for a missing variable',
        ),
      ).toBe(true);
      expect(
        ended === 'still running' ? undefined : ended.code,
        said(
          'It should end with a non-zero exit code (1).',
          'App ko non-zero exit code (1) ke saath band hona chahiye.',
        ),
      ).not.toBe(0);
    },
  );

  it(
    said(
      'keeps secrets in .env: no key is written in its files, and .env.example lists every setting with no value',
      'secrets .env mein rakhta hai: uski files mein koi key likhi nahi hai, aur .env.example har setting bina value ke list karta hai',
    ),
    async () => {
      const privateKey = lesson.storage.options.privateKey;
      for (const file of await filesUnder(dir)) {
        const name = file.split(path.sep).join('/');
        if (name.startsWith('node_modules/') || name.startsWith('public/') || /(^|\/)\.env$/.test(name)) continue;
        const text = await readFile(path.join(dir, file), 'utf8');
        expect(
          text.includes(privateKey),
          aboutMistake(
            said(
              `${name} holds the storage's private key. Anyone who sees the code (a Git host, a screenshot) could use ` +
                'your account: keep secrets in .env, and read them from process.env.',
              `${name} mein storage ki private key hai. Jo bhi code dekhe (Git host, screenshot), woh aapka account use ` +
                'kar sakta hai: secrets .env mein rakhiye, aur unhe process.env se padhiye.',
            ),
            'Keys written in the code',
          ),
        ).toBe(false);
      }
      const example = await readFile(path.join(dir, '.env.example'), 'utf8').catch(() => '');
      const listed = new Map(
        example
          .split('\n')
          .map((line) => /^\s*([A-Z][A-Z0-9_]*)\s*=(.*)$/.exec(line))
          .filter((match) => match !== null)
          .map((match) => [match[1], match[2].trim()]),
      );
      const wanted = ['PORT', 'MONGODB_URI', 'IMAGEKIT_PUBLIC_KEY', 'IMAGEKIT_PRIVATE_KEY', 'IMAGEKIT_URL_ENDPOINT'];
      const missing = wanted.filter((name) => !listed.has(name));
      expect(
        missing,
        said(
          `.env.example should list every setting the app reads, as NAME= lines; it lacks ${missing.join(', ')}.`,
          `.env.example mein app ki padhi jaane waali har setting NAME= lines ke roop mein honi chahiye; usmein ${missing.join(', ')} ${missing.length === 1 ? 'nahi hai' : 'nahi hain'}.`,
        ),
      ).toEqual([]);
      const withValues = [...listed].filter(([name, value]) => value && name !== 'PORT').map(([name]) => name);
      expect(
        withValues,
        said(
          '.env.example is committed: give no values there (NAME=), they belong in .env.',
          '.env.example commit hota hai: wahan koi value mat dijiye (NAME=), values .env mein jaati hain.',
        ),
      ).toEqual([]);
    },
  );
});

describe(said('the API', 'API'), () => {
  it(
    said(
      'serves the page from public/, whatever folder it is started in',
      'public/ se page serve karta hai, chahe kisi bhi folder se start ho',
    ),
    async () => {
      const page = await call('GET', '/');
      expect(
        page.status === 200 && page.text.includes('<form id="upload"'),
        aboutMistake(
          said(
            `Started from the folder above it, your app answered GET / with ${page.status}: the page folder is found ` +
              "from the working folder (express.static('public')), which changes with where the app is started. " +
              "Find it from app.ts's own folder: path.join(import.meta.dirname, '..', 'public').",
            `Upar waale folder se start hone par aapke app ne GET / ka jawab ${page.status} diya: page ka folder working ` +
              "folder se dhoondha jaata hai (express.static('public')), jo is baat par depend karta hai ki app kahan se " +
              "start hua. Use app.ts ke apne folder se dhoondhiye: path.join(import.meta.dirname, '..', 'public').",
          ),
          'The page from the working folder',
        ),
      ).toBe(true);
      expect(
        (await call('GET', '/songs.js')).status,
        said('GET /songs.js: serve the whole public/ folder.', 'GET /songs.js: poora public/ folder serve kijiye.'),
      ).toBe(200);
    },
  );

  it(
    said(
      'uploads a song: 201, its file in storage, its URL and fileId in the database',
      'song upload karta hai: 201, uski file storage mein, uska URL aur fileId database mein',
    ),
    async () => {
      const wav = toneWav(0.25);
      const answer = await call(
        'POST',
        '/api/songs',
        songForm({ title: 'Kesariya', artist: 'Arijit Singh', mood: 'romantic' }, wav),
      );
      expect(answer.status, notJson({ english: 'POST /api/songs', hinglish: 'POST /api/songs' }, answer)).toBe(201);
      const saved = await songs().findOne({ title: 'Kesariya' });
      expect(
        saved,
        said('Right after the 201 the song is not in the database.', '201 ke turant baad song database mein nahi hai.'),
      ).not.toBe(null);
      expect(
        String(saved!.audio).startsWith(lesson.storage.options.urlEndpoint),
        said('Save the URL the storage gave.', 'Storage ne jo URL diya, wahi save kijiye.'),
      ).toBe(true);
      expect(
        saved!.fileId,
        said("Save the file's fileId: a delete needs it.", 'File ka fileId save kijiye: delete ke liye woh chahiye.'),
      ).toBeTruthy();
      const served = await fetch(saved!.audio);
      expect(
        Buffer.from(await served.arrayBuffer()).equals(wav),
        said('The URL serves other bytes than the upload.', 'URL upload se alag bytes deta hai.'),
      ).toBe(true);
    },
  );

  it(
    said(
      "answers an invalid song with 400 and the schema's messages in JSON, and leaves no file in storage",
      'galat song ka jawab 400 aur schema ke messages ke saath JSON mein deta hai, aur storage mein koi file nahi chhodta',
    ),
    async () => {
      const before = storage.stored - storage.removed;
      const answer = await call('POST', '/api/songs', songForm({ title: 'No artist', mood: 'grumpy' }));
      expect(
        answer.json,
        notJson(
          { english: 'POST /api/songs with an invalid song', hinglish: 'Galat song ke saath POST /api/songs' },
          answer,
        ),
      ).toBeDefined();
      expect(
        answer.status,
        said(
          `An invalid song answered ${answer.status} ${answer.text.slice(0, 200)}, not 400.`,
          `Galat song ka jawab ${answer.status} ${answer.text.slice(0, 200)} aaya, 400 nahi.`,
        ),
      ).toBe(400);
      expect(
        answer.json?.errors,
        said(
          "The 400 should carry the schema's message for each field: { ok: false, errors }.",
          '400 jawab mein har field ke liye schema ka message hona chahiye: { ok: false, errors }.',
        ),
      ).toMatchObject({
        artist: expect.any(String),
        mood: expect.any(String),
      });
      expect(
        storage.stored - storage.removed - before,
        said(
          'The refused song left its file in storage: validate before uploading.',
          'Refuse hue song ki file storage mein reh gayi: upload se pehle validate kijiye.',
        ),
      ).toBe(0);
    },
  );

  it(
    said(
      "answers 502 in JSON with the storage's message when the upload fails",
      'upload fail ho toh storage ke message ke saath JSON mein 502 jawab deta hai',
    ),
    async (context) => {
      if (!local()) context.skip(onlyLocalStorageRefuses);
      running();
      lesson.storage.faults.failNext(1, plannedRefusal(500));
      const answer = await call('POST', '/api/songs', songForm({ title: 'Failing', artist: 'Arijit Singh' }));
      lesson.storage.faults.reset();
      expect(
        answer.json,
        notJson(
          {
            english: 'POST /api/songs with a failing upload',
            hinglish: 'Fail hone waale upload ke saath POST /api/songs',
          },
          answer,
        ),
      ).toBeDefined();
      expect(
        answer.status,
        said(
          `A failed upload answered ${answer.status} ${answer.text.slice(0, 200)}, not 502.`,
          `Fail hue upload ka jawab ${answer.status} ${answer.text.slice(0, 200)} aaya, 502 nahi.`,
        ),
      ).toBe(502);
      expect(
        answer.text,
        said("The 502 should carry the storage's own message.", '502 jawab mein storage ka apna message hona chahiye.'),
      ).toContain(plannedRefusal(500).message);
    },
  );

  it(
    said(
      'lists songs newest first, filters by mood, and deletes a song with its file',
      'songs ko sabse naya pehle list karta hai, mood se filter karta hai, aur song ko uski file ke saath delete karta hai',
    ),
    async () => {
      await call('POST', '/api/songs', songForm({ title: 'Tum Hi Ho', artist: 'Arijit Singh', mood: 'sad' }));
      const all = await call('GET', '/api/songs');
      const titles = (all.json?.songs ?? []).map((song: { title: string }) => song.title);
      expect(
        titles,
        said(
          `GET /api/songs answered ${all.status} ${all.text.slice(0, 200)}: { ok: true, songs }, newest first.`,
          `GET /api/songs ka jawab ${all.status} ${all.text.slice(0, 200)} aaya: { ok: true, songs } chahiye, sabse naya pehle.`,
        ),
      ).toEqual(['Tum Hi Ho', 'Kesariya']);
      const sad = await call('GET', '/api/songs?mood=sad');
      expect(
        sad.json?.songs?.map((song: { title: string }) => song.title),
        said('GET /api/songs?mood=sad: only the sad ones.', 'GET /api/songs?mood=sad: sirf sad songs.'),
      ).toEqual(['Tum Hi Ho']);
      const [song] = all.json.songs;
      const removed = await call('DELETE', `/api/songs/${song._id}`);
      expect(
        removed.status,
        notJson({ english: `DELETE /api/songs/${song._id}`, hinglish: `DELETE /api/songs/${song._id}` }, removed),
      ).toBe(200);
      expect(
        await songs().countDocuments({ title: 'Tum Hi Ho' }),
        said('The song is still in the database.', 'Song abhi bhi database mein hai.'),
      ).toBe(0);
      if (local())
        expect(
          (await fetch(song.audio)).status,
          said(
            'Its file is still in storage: await deleteFile(song.fileId).',
            'Uski file abhi bhi storage mein hai: await deleteFile(song.fileId) kijiye.',
          ),
        ).toBe(404);
      expect(
        (await call('GET', '/api/songs/not-an-id')).status,
        said('A malformed id should answer 400.', 'Galat id par 400 jawab aana chahiye.'),
      ).toBe(400);
    },
  );
});

describe(said('the page, in a browser', 'page, browser mein'), () => {
  it(
    said(
      'uploads through the form, plays from storage, filters by mood and deletes',
      'form se upload karta hai, storage se play karta hai, mood se filter karta hai aur delete karta hai',
    ),
    async (context) => {
      running();
      let launched: LaunchedBrowser | undefined;
      try {
        launched = await launchBrowser();
      } catch (error) {
        const { message, hinglish } = error as NoBrowser;
        context.skip(said(message, hinglish));
      }
      try {
        await underWayWhile(
          (async () => {
            const page = await launched!.browser.newPage({ viewport: { width: 1000, height: 800 } });
            page.setDefaultTimeout(ANSWER_MS);
            const item = (title: string) => page.locator('#songs li', { hasText: title });
            /** One step on the page; one that never comes says what was waited for, and what the page shows. */
            const step = async <T>(what: Twice, action: () => Promise<T>): Promise<T> => {
              try {
                return await action();
              } catch (error) {
                const shownThere = await page
                  .locator('[role="status"]')
                  .allTextContents()
                  .catch(() => [] as string[]);
                const says = shownThere.filter(Boolean).join(' ');
                const cause = (error as Error).message.split('\n')[0];
                return expect.fail(
                  said(
                    `${what.english}${says ? ` The page says: "${says}"` : ''} (${cause})`,
                    `${what.hinglish}${says ? ` Page par likha hai: "${says}"` : ''} (${cause})`,
                  ),
                );
              }
            };
            const opened = await step({ english: 'The page did not open.', hinglish: 'Page khula hi nahi.' }, () =>
              page.goto(`http://127.0.0.1:${port}/`),
            );
            expect(
              opened?.status(),
              said(
                'GET / does not answer the page, so it could not be tried in a browser: see "serves the page" above.',
                'GET / page ka jawab nahi deta, isliye use browser mein try nahi kiya ja saka: upar "public/ se page serve karta hai" dekhiye.',
              ),
            ).toBe(200);
            await step(
              {
                english: 'The page never listed the songs already saved.',
                hinglish: 'Page ne pehle se save hue songs kabhi list nahi kiye.',
              },
              () => item('Kesariya').waitFor(),
            );
            await page.fill('input[name="title"]', 'Ilahi');
            await page.fill('input[name="artist"]', 'Arijit Singh');
            await page.selectOption('select[name="mood"]', 'happy');
            await page.setInputFiles('input[name="audio"]', {
              name: 'ilahi.wav',
              mimeType: 'audio/wav',
              buffer: toneWav(1.5, 392),
            });
            await page.click('button[type="submit"]');
            await step(
              {
                english: 'The song uploaded through the form never showed in the list.',
                hinglish: 'Form se upload hua song list mein kabhi nahi dikha.',
              },
              () => item('Ilahi').waitFor(),
            );
            const duration = await step(
              {
                english: 'The player never loaded the file from storage.',
                hinglish: 'Player ne storage se file kabhi load nahi ki.',
              },
              () =>
                item('Ilahi')
                  .locator('audio')
                  .evaluate(
                    (audio: {
                      readyState: number;
                      duration: number;
                      addEventListener(type: string, listener: () => void): void;
                    }) =>
                      new Promise<number>((resolve) => {
                        if (audio.readyState >= 1) resolve(audio.duration);
                        audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
                      }),
                  ),
            );
            expect(
              duration,
              said(
                'The player should load the uploaded file from storage.',
                'Player ko upload hui file storage se load karni chahiye.',
              ),
            ).toBeCloseTo(1.5, 1);
            await page.click('#moods button[data-mood="happy"]');
            await step(
              {
                english: 'The "happy" filter never left out the other songs.',
                hinglish: '"happy" filter ne baaki songs kabhi nahi hataye.',
              },
              () => item('Kesariya').waitFor({ state: 'detached' }),
            );
            await page.click('#moods button[data-mood=""]');
            await step(
              {
                english: '"all" never showed every song again.',
                hinglish: '"all" ne saare songs dobara kabhi nahi dikhaye.',
              },
              () => item('Kesariya').waitFor(),
            );
            await page.click('button[aria-label="Delete Ilahi"]');
            await step(
              {
                english: 'The song deleted on the page never left the list.',
                hinglish: 'Page par delete hua song list se kabhi nahi hata.',
              },
              () => item('Ilahi').waitFor({ state: 'detached' }),
            );
            expect(
              await songs().countDocuments({ title: 'Ilahi' }),
              said(
                'The song deleted on the page is still in the database.',
                'Page par delete hua song abhi bhi database mein hai.',
              ),
            ).toBe(0);
          })(),
        );
      } finally {
        await launched?.close();
      }
    },
  );
});

describe(said('stopping', 'band hote waqt'), () => {
  it(
    said(
      'on SIGTERM closes the server and the database connection, then exits with code 0',
      'SIGTERM par server aur database connection band karta hai, phir code 0 ke saath exit karta hai',
    ),
    async () => {
      running();
      app!.run.child.kill('SIGTERM');
      const ended = await within(app!.ended, STOP_MS);
      const printed = shown(app!.output());
      expect(
        ended,
        aboutMistake(
          said(
            `Your app was still running ${STOP_MS / 1000} s after SIGTERM, and had to be killed. Its handler closed ` +
              'something, but what stays open (the database connection, most likely) keeps Node running: ' +
              'await mongoose.disconnect() too, then process.exit(0).' +
              printed.english,
            `SIGTERM ke ${STOP_MS / 1000} s baad bhi aapka app chal raha tha, aur use kill karna pada. Uske handler ne ` +
              'kuch band kiya, par jo khula reh gaya (shayad database connection) woh Node ko chalta rakhta hai: ' +
              'await mongoose.disconnect() bhi kijiye, phir process.exit(0).' +
              printed.hinglish,
          ),
          'SIGTERM closes only the server',
        ),
      ).toBeDefined();
      expect(
        ended!.signal,
        aboutMistake(
          said(
            "Your app has no SIGTERM handler, so Node ended it on the spot, mid-request, with nothing closed. Add one: process.on('SIGTERM', …) " +
              'that closes the server, awaits mongoose.disconnect(), then calls process.exit(0); the same for SIGINT (Ctrl-C).',
            'Aapke app mein SIGTERM handler nahi hai, isliye Node ne use wahin, request ke beech, kuch bhi band kiye bina ' +
              "khatam kar diya. Ek handler jodiye: process.on('SIGTERM', …) jo server band kare, mongoose.disconnect() ko " +
              'await kare, phir process.exit(0) call kare; SIGINT (Ctrl-C) ke liye bhi yahi kijiye.',
          ),
          'No SIGTERM handler',
        ),
      ).toBe(null);
      expect(
        ended!.code,
        said(
          `After SIGTERM your app ended with exit code ${ended!.code}, not 0.${printed.english}`,
          `SIGTERM ke baad aapka app exit code ${ended!.code} ke saath band hua, 0 ke saath nahi.${printed.hinglish}`,
        ),
      ).toBe(0);
      expect(
        app!.mongooseAtExit(),
        aboutMistake(
          said(
            'Your app exited with its database connection still open: requests under way were cut off and the server ' +
              'never heard goodbye. Before process.exit(0): close the server, then await mongoose.disconnect().',
            'Aapka app database connection khula chhodkar exit ho gaya: chal rahi requests beech mein kat gayin aur ' +
              'database server ko alvida tak nahi mila. process.exit(0) se pehle: server band kijiye, phir await ' +
              'mongoose.disconnect() kijiye.',
          ),
          'Exiting with the connection open',
        ),
      ).not.toBe('open');
    },
  );
});
