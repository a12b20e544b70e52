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
import { launchBrowser, type LaunchedBrowser } from '../src/browser/launch-browser.ts';
import { exerciseDir } from '../src/lessons/exercise.ts';
import { filesUnder } from '../src/lessons/layers.ts';
import { underWayWhile } from '../src/lessons/progress-clock.ts';
import { holdDatabase, type HeldDatabase } from './support/held-database.ts';
import { plannedRefusal } from './support/planned-refusal.ts';
import { watchStorageTraffic } from './support/storage-traffic.ts';
import { toneWav } from './support/tone-wav.ts';
import { useLesson } from './support/use-lesson.ts';
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
/** Why the app is not running for the checks below, in words; undefined while it runs. */
let notRunning: string | undefined;
/** Whether it listened while its database connection was still held back; undefined when not known. */
let listenedBeforeDatabase: boolean | undefined;
/** The same app started with settings missing: how it ended, and what it said. */
let missingSettings: Promise<{ ended: Ended | 'still running'; output: string }>;

/** What the app printed, without the check's own probe line, for a learner to read. */
function shown(output: string): string {
  const lines = output.trim();
  return lines ? `\nIt printed:\n${lines.split('\n').slice(-15).join('\n')}` : '\nIt printed nothing.';
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
function endedEarly(ended: Ended | undefined, output: string): string {
  if (!ended) return `Your app did not listen on PORT (${port}) within ${START_MS / 1000} s.${shown(output)}`;
  if (ended.code === 0 && !shown(output).includes('\nIt printed:'))
    return (
      `Your server.ts ended at once, printing nothing, without listening on PORT (${port}): it starts nothing yet. ` +
      'It should connect to the database with connectDB(), then listen with app.listen(env.port, …), and keep running.'
    );
  const how = ended.signal ? `was ended by ${ended.signal}` : `ended with exit code ${ended.code}`;
  return (
    `Your app ${how} before it listened on PORT (${port}). server.ts should connect to the database, ` +
    `then listen with app.listen(env.port, …), and keep running.${shown(output)}`
  );
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
  if (notRunning) expect.fail(`The app is not running, so this could not be checked. ${notRunning}`);
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
  ).catch((error: Error) => expect.fail(`${what} failed: ${error.message}.${shown(app!.output())}`));
  if (!answered)
    expect.fail(
      `${what} got no answer in ${ANSWER_MS / 1000} s. Does every path of the route end with res.json(...), ` +
        'and does every promise it awaits settle?',
    );
  return answered;
}

/** What an answer that is not JSON most likely means. */
function notJson(what: string, answer: { status: number; type: string; text: string }): string {
  if (answer.type.startsWith('text/html'))
    return aboutMistake(
      `${what} answered ${answer.status} with an HTML page (Express's own error page), and the page reads JSON. ` +
        'Add a JSON error handler as the last app.use in app.ts, with four arguments: ' +
        'app.use((error, req, res, next) => res.status(…).json({ ok: false, … })).',
      'No JSON error handler',
    );
  return `${what} answered ${answer.status} ${answer.text.slice(0, 200)}`;
}

function songForm(fields: Record<string, string>, file = toneWav(0.25), name = 'song.wav'): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  form.append('audio', new Blob([new Uint8Array(file)], { type: 'audio/wav' }), name);
  return form;
}

describe('starting up', () => {
  it('connects to the database first, then listens on PORT', () => {
    // The start itself: why it did not happen is this check's own failure.
    if (notRunning) expect.fail(notRunning);
    if (!held?.held) return; // a cluster address (Atlas) cannot be held back; nothing to see
    expect(
      listenedBeforeDatabase,
      aboutMistake(
        'Your app listened on PORT before its database connection was made: a request that came then would find ' +
          'no database. In server.ts, await connectDB() first, then app.listen(...). (And in connectDB(), ' +
          'await mongoose.connect(...): without await it returns before the connection is made.)',
        'Listening before connecting',
      ),
    ).toBe(false);
  });

  it('stops at once with one sentence naming a missing setting, not a stack trace', async () => {
    running(); // with every setting it must start first: what it does without some means little before that
    const { ended, output } = await missingSettings;
    const said = shown(output);
    expect(
      ended,
      `Started without MONGODB_URI and IMAGEKIT_PRIVATE_KEY, your app was still running after ${START_MS / 1000} s. ` +
        'Check the settings first and stop: console.error(…one sentence…), then process.exit(1).' +
        said,
    ).not.toBe('still running');
    const lines = output.split('\n');
    const stack = lines.some((line) => /^\s+at .+[:(]/.test(line));
    const named = /MONGODB_URI|IMAGEKIT_PRIVATE_KEY/.test(output);
    if (ended !== 'still running' && ended.code === 0 && !lines.join('').trim())
      expect.fail(
        aboutMistake(
          'Started without MONGODB_URI and IMAGEKIT_PRIVATE_KEY, your app ended without a word and with exit code 0: ' +
            'nothing it ran checked the settings. In src/config/env.ts, find the missing names, console.error() them in ' +
            'one sentence, and process.exit(1); the files that need a setting import env from there.',
          'No check for a missing variable',
        ),
      );
    expect(
      named && !stack,
      aboutMistake(
        `Started without MONGODB_URI and IMAGEKIT_PRIVATE_KEY, your app ${stack ? 'crashed with a stack trace' : 'stopped'}` +
          `${named ? '' : ' without naming what is missing'}. A missing setting should stop the start with one sentence ` +
          'naming it, before any library reads undefined: in src/config/env.ts, find the missing names, ' +
          'console.error() them in one sentence, and process.exit(1).' +
          said,
        'No check for a missing variable',
      ),
    ).toBe(true);
    expect(ended === 'still running' ? undefined : ended.code, 'It should end with a non-zero exit code (1).').not.toBe(
      0,
    );
  });

  it('keeps secrets in .env: no key is written in its files, and .env.example lists every setting with no value', async () => {
    const privateKey = lesson.storage.options.privateKey;
    for (const file of await filesUnder(dir)) {
      const name = file.split(path.sep).join('/');
      if (name.startsWith('node_modules/') || name.startsWith('public/') || /(^|\/)\.env$/.test(name)) continue;
      const text = await readFile(path.join(dir, file), 'utf8');
      expect(
        text.includes(privateKey),
        aboutMistake(
          `${name} holds the storage's private key. Anyone who sees the code (a Git host, a screenshot) could use ` +
            'your account: keep secrets in .env, and read them from process.env.',
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
      `.env.example should list every setting the app reads, as NAME= lines; it lacks ${missing.join(', ')}.`,
    ).toEqual([]);
    const withValues = [...listed].filter(([name, value]) => value && name !== 'PORT').map(([name]) => name);
    expect(withValues, '.env.example is committed: give no values there (NAME=), they belong in .env.').toEqual([]);
  });
});

describe('the API', () => {
  it('serves the page from public/, whatever folder it is started in', async () => {
    const page = await call('GET', '/');
    expect(
      page.status === 200 && page.text.includes('<form id="upload"'),
      aboutMistake(
        `Started from the folder above it, your app answered GET / with ${page.status}: the page folder is found ` +
          "from the working folder (express.static('public')), which changes with where the app is started. " +
          "Find it from app.ts's own folder: path.join(import.meta.dirname, '..', 'public').",
        'The page from the working folder',
      ),
    ).toBe(true);
    expect((await call('GET', '/songs.js')).status, 'GET /songs.js: serve the whole public/ folder.').toBe(200);
  });

  it('uploads a song: 201, its file in storage, its URL and fileId in the database', async () => {
    const wav = toneWav(0.25);
    const answer = await call(
      'POST',
      '/api/songs',
      songForm({ title: 'Kesariya', artist: 'Arijit Singh', mood: 'romantic' }, wav),
    );
    expect(answer.status, notJson('POST /api/songs', answer)).toBe(201);
    const saved = await songs().findOne({ title: 'Kesariya' });
    expect(saved, 'Right after the 201 the song is not in the database.').not.toBe(null);
    expect(String(saved!.audio).startsWith(lesson.storage.options.urlEndpoint), 'Save the URL the storage gave.').toBe(
      true,
    );
    expect(saved!.fileId, "Save the file's fileId: a delete needs it.").toBeTruthy();
    const served = await fetch(saved!.audio);
    expect(Buffer.from(await served.arrayBuffer()).equals(wav), 'The URL serves other bytes than the upload.').toBe(
      true,
    );
  });

  it("answers an invalid song with 400 and the schema's messages in JSON, and leaves no file in storage", async () => {
    const before = storage.stored - storage.removed;
    const answer = await call('POST', '/api/songs', songForm({ title: 'No artist', mood: 'grumpy' }));
    expect(answer.json, notJson('POST /api/songs with an invalid song', answer)).toBeDefined();
    expect(answer.status, `An invalid song answered ${answer.status} ${answer.text.slice(0, 200)}, not 400.`).toBe(400);
    expect(
      answer.json?.errors,
      "The 400 should carry the schema's message for each field: { ok: false, errors }.",
    ).toMatchObject({
      artist: expect.any(String),
      mood: expect.any(String),
    });
    expect(
      storage.stored - storage.removed - before,
      'The refused song left its file in storage: validate before uploading.',
    ).toBe(0);
  });

  it("answers 502 in JSON with the storage's message when the upload fails", async (context) => {
    if (!local()) context.skip('needs the local storage: a real ImageKit account cannot fail on purpose');
    running();
    lesson.storage.faults.failNext(1, plannedRefusal(500));
    const answer = await call('POST', '/api/songs', songForm({ title: 'Failing', artist: 'Arijit Singh' }));
    lesson.storage.faults.reset();
    expect(answer.json, notJson('POST /api/songs with a failing upload', answer)).toBeDefined();
    expect(answer.status, `A failed upload answered ${answer.status} ${answer.text.slice(0, 200)}, not 502.`).toBe(502);
    expect(answer.text, "The 502 should carry the storage's own message.").toContain(plannedRefusal(500).message);
  });

  it('lists songs newest first, filters by mood, and deletes a song with its file', async () => {
    await call('POST', '/api/songs', songForm({ title: 'Tum Hi Ho', artist: 'Arijit Singh', mood: 'sad' }));
    const all = await call('GET', '/api/songs');
    const titles = (all.json?.songs ?? []).map((song: { title: string }) => song.title);
    expect(
      titles,
      `GET /api/songs answered ${all.status} ${all.text.slice(0, 200)}: { ok: true, songs }, newest first.`,
    ).toEqual(['Tum Hi Ho', 'Kesariya']);
    const sad = await call('GET', '/api/songs?mood=sad');
    expect(
      sad.json?.songs?.map((song: { title: string }) => song.title),
      'GET /api/songs?mood=sad: only the sad ones.',
    ).toEqual(['Tum Hi Ho']);
    const [song] = all.json.songs;
    const removed = await call('DELETE', `/api/songs/${song._id}`);
    expect(removed.status, notJson(`DELETE /api/songs/${song._id}`, removed)).toBe(200);
    expect(await songs().countDocuments({ title: 'Tum Hi Ho' }), 'The song is still in the database.').toBe(0);
    if (local())
      expect((await fetch(song.audio)).status, 'Its file is still in storage: await deleteFile(song.fileId).').toBe(
        404,
      );
    expect((await call('GET', '/api/songs/not-an-id')).status, 'A malformed id should answer 400.').toBe(400);
  });
});

describe('the page, in a browser', () => {
  it('uploads through the form, plays from storage, filters by mood and deletes', async (context) => {
    running();
    let launched: LaunchedBrowser | undefined;
    try {
      launched = await launchBrowser();
    } catch (error) {
      context.skip((error as Error).message);
    }
    try {
      await underWayWhile(
        (async () => {
          const page = await launched!.browser.newPage({ viewport: { width: 1000, height: 800 } });
          page.setDefaultTimeout(ANSWER_MS);
          const item = (title: string) => page.locator('#songs li', { hasText: title });
          /** One step on the page; one that never comes says what was waited for, and what the page shows. */
          const step = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
            try {
              return await action();
            } catch (error) {
              const shownThere = await page
                .locator('[role="status"]')
                .allTextContents()
                .catch(() => [] as string[]);
              const says = shownThere.filter(Boolean).join(' ');
              return expect.fail(
                `${what}${says ? ` The page says: "${says}"` : ''} (${(error as Error).message.split('\n')[0]})`,
              );
            }
          };
          const opened = await step('The page did not open.', () => page.goto(`http://127.0.0.1:${port}/`));
          expect(
            opened?.status(),
            'GET / does not answer the page, so it could not be tried in a browser: see "serves the page" above.',
          ).toBe(200);
          await step('The page never listed the songs already saved.', () => item('Kesariya').waitFor());
          await page.fill('input[name="title"]', 'Ilahi');
          await page.fill('input[name="artist"]', 'Arijit Singh');
          await page.selectOption('select[name="mood"]', 'happy');
          await page.setInputFiles('input[name="audio"]', {
            name: 'ilahi.wav',
            mimeType: 'audio/wav',
            buffer: toneWav(1.5, 392),
          });
          await page.click('button[type="submit"]');
          await step('The song uploaded through the form never showed in the list.', () => item('Ilahi').waitFor());
          const duration = await step('The player never loaded the file from storage.', () =>
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
          expect(duration, 'The player should load the uploaded file from storage.').toBeCloseTo(1.5, 1);
          await page.click('#moods button[data-mood="happy"]');
          await step('The "happy" filter never left out the other songs.', () =>
            item('Kesariya').waitFor({ state: 'detached' }),
          );
          await page.click('#moods button[data-mood=""]');
          await step('"all" never showed every song again.', () => item('Kesariya').waitFor());
          await page.click('button[aria-label="Delete Ilahi"]');
          await step('The song deleted on the page never left the list.', () =>
            item('Ilahi').waitFor({ state: 'detached' }),
          );
          expect(
            await songs().countDocuments({ title: 'Ilahi' }),
            'The song deleted on the page is still in the database.',
          ).toBe(0);
        })(),
      );
    } finally {
      await launched?.close();
    }
  });
});

describe('stopping', () => {
  it('on SIGTERM closes the server and the database connection, then exits with code 0', async () => {
    running();
    app!.run.child.kill('SIGTERM');
    const ended = await within(app!.ended, STOP_MS);
    const said = shown(app!.output());
    expect(
      ended,
      aboutMistake(
        `Your app was still running ${STOP_MS / 1000} s after SIGTERM, and had to be killed. Its handler closed ` +
          'something, but what stays open (the database connection, most likely) keeps Node running: ' +
          'await mongoose.disconnect() too, then process.exit(0).' +
          said,
        'SIGTERM closes only the server',
      ),
    ).toBeDefined();
    expect(
      ended!.signal,
      aboutMistake(
        "Your app has no SIGTERM handler, so Node ended it on the spot, mid-request, with nothing closed. Add one: process.on('SIGTERM', …) " +
          'that closes the server, awaits mongoose.disconnect(), then calls process.exit(0); the same for SIGINT (Ctrl-C).',
        'No SIGTERM handler',
      ),
    ).toBe(null);
    expect(ended!.code, `After SIGTERM your app ended with exit code ${ended!.code}, not 0.${said}`).toBe(0);
    expect(
      app!.mongooseAtExit(),
      aboutMistake(
        'Your app exited with its database connection still open: requests under way were cut off and the server ' +
          'never heard goodbye. Before process.exit(0): close the server, then await mongoose.disconnect().',
        'Exiting with the connection open',
      ),
    ).not.toBe('open');
  });
});
