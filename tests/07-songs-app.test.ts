// Lesson 07: the whole songs app. Its API on real HTTP, with the real database and storage;
// then its page in a real headless Chromium: upload through the form, play from storage,
// filter by mood, delete.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import ImageKit from 'imagekit';
import mongoose from 'mongoose';
import type { Locator, Page } from 'playwright-core';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { launchBrowser, type LaunchedBrowser } from '../src/browser/launch-browser.ts';
import { quietFor } from '../src/lessons/progress-clock.ts';
import { createApp, type Exercise } from '../lessons/07-songs-app/app.ts';
import { NeverSettled, settleWithin } from './support/settle.ts';
import { watchStorageTraffic } from './support/storage-traffic.ts';
import { toneWav } from './support/tone-wav.ts';
import { useLesson } from './support/use-lesson.ts';
import { plannedRefusal } from './support/planned-refusal.ts';

const lesson = useLesson<Exercise>('07-songs-app');
const storage = watchStorageTraffic();
const app = () => createApp(lesson.exercise);
const songs = () => mongoose.connection.collection('songs');
const local = () => lesson.storage.kind === 'local';
const endpoint = () => lesson.storage.options.urlEndpoint;

// Below the check's own limit for a wait with nothing happening (src/check/worker/check-setup.ts),
// so a route or a promise that never answers gets this file's explanation, not a generic one.
const PATIENCE_MS = 3000;

/** A short random word, so each test finds its own songs. */
const tag = () => randomBytes(3).toString('hex');

/** Checks that failed so far: the browser checks wait until the API works. */
let failedSoFar = 0;
beforeEach(({ onTestFailed }) => onTestFailed(() => void failedSoFar++));

afterAll(async () => {
  await songs()
    .drop()
    .catch(() => {});
});

/** Sends a supertest request; an app that never answers gets a plain explanation instead of a timeout. */
function send(test: request.Test, what: string): Promise<request.Response> {
  return settleWithin(
    Promise.resolve(test),
    PATIENCE_MS,
    `${what} got no answer at all. Does every path of the route end with res.json(...), ` +
      'and does every promise it awaits settle (deleteFile() and uploadFile() call resolve or reject)?',
  );
}

interface SongForm {
  title?: string;
  artist?: string;
  mood?: string;
}

/** POST /api/songs as the page sends it: a multipart form, the file in "audio" (or `field`). */
function postSong(fields: SongForm, file = toneWav(0.25), field = 'audio', name = 'song.wav'): request.Test {
  let req = request(app()).post('/api/songs');
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) req = req.field(key, value);
  return req.attach(field, file, name);
}

/** Uploads a song through the API and gives back the saved song; a failure says why. */
async function uploadSong(fields: SongForm, file?: Buffer, name?: string) {
  const before = storage.uploadsReceived;
  const res = await send(postSong(fields, file, 'audio', name), 'POST /api/songs');
  if (res.status !== 201) {
    await storageSettled(); // an upload nobody awaited may still be on its way
    expect(res.status, whyNot201(res, storage.uploadsReceived - before)).toBe(201);
  }
  return res.body.song as { _id: string; title: string; audio: string; fileId: string; mood: string };
}

/** What a POST /api/songs that did not answer 201 most likely got wrong, from its answer and the uploads it made. */
function whyNot201(res: request.Response, uploads: number): string {
  const said = `POST /api/songs answered ${res.status} ${JSON.stringify(res.body)}`;
  const error = String(res.body?.error ?? '');
  if (res.status === 404 && error.startsWith('Nothing answers')) {
    return (
      `${said}: nothing answers at /api/songs, the address the page calls. ` +
      "Is songRoutes mounted there in app.ts, with app.use('/api/songs', songRoutes)?"
    );
  }
  if (res.status === 400 && error.includes("upload.single('audio')")) {
    return aboutMistake(
      `${said}. The page sends the file in the form field "audio", and your route's multer reads another ` +
        "field, so multer refused the form before your route ran. Read it with upload.single('audio').",
      'A field name that does not match',
    );
  }
  if (res.status === 400 && (res.body?.errors?.audio || res.body?.errors?.fileId) && uploads === 0) {
    return (
      `${said}: the song was checked before its file was uploaded, with no URL yet, so the schema refused it. ` +
      "Before uploading, check only the song's own fields: await song.validate(['title', 'artist', 'mood']). " +
      'The URL and the fileId come after, from await uploadFile(...).'
    );
  }
  if (res.status === 400 && (res.body?.errors?.audio || res.body?.errors?.fileId)) {
    return aboutMistake(
      `${said}: the song had no audio URL (or no fileId) yet when it was saved. uploadFile() gives back a ` +
        'Promise: await uploadFile(...), then put uploaded.url and uploaded.fileId in the song.',
      'uploadFile() without await',
    );
  }
  return `${said} instead of 201 with the saved song.`;
}

/**
 * Waits until nothing has happened for a moment (no upload, no query, no request): an upload
 * nobody awaited has then reached the storage, and been answered. At most two seconds.
 */
async function storageSettled(): Promise<void> {
  const done = new AbortController();
  await Promise.race([quietFor(150, done.signal), new Promise((next) => setTimeout(next, 2000))]);
  done.abort();
}

/** How many files the storage holds that these tests put there: stored, minus deleted. */
const filesInStorage = () => storage.stored - storage.removed;

describe('GET / (the page)', () => {
  it('serves the page: index.html, and the songs.js and style.css it loads', async () => {
    const res = await send(request(app()).get('/'), 'GET /');
    expect(
      res.status,
      `GET / answered ${res.status} ${JSON.stringify(res.body)}: the page is not served. ` +
        'In app.ts, app.use(express.static(pageFolder)) serves the files of public/.',
    ).toBe(200);
    expect(res.type, 'GET / should answer public/index.html, as HTML.').toBe('text/html');
    expect(res.text, 'GET / should answer public/index.html.').toContain('<form id="upload"');
    for (const [file, type] of [
      ['/songs.js', 'text/javascript'],
      ['/style.css', 'text/css'],
    ]) {
      const part = await send(request(app()).get(file), `GET ${file}`);
      expect(part.status, `GET ${file} answered ${part.status}: serve the whole public/ folder.`).toBe(200);
      expect(part.type).toBe(type);
    }
  });
});

describe('POST /api/songs', () => {
  it('uploads the file, saves the song with its URL and fileId, and answers 201 with it', async () => {
    const title = `Kesariya ${tag()}`;
    const wav = toneWav(0.25);
    const song = await uploadSong({ title, artist: 'Arijit Singh', mood: 'romantic' }, wav, 'kesariya.wav');
    expect(song?._id, `The answer has no song with an _id: answer 201 with { ok: true, song }.`).toBeTruthy();

    const saved = await songs().findOne({ _id: new mongoose.Types.ObjectId(String(song._id)) });
    expect(saved, 'Right after the 201 the song is not in the database: await the save before answering.').not.toBe(
      null,
    );
    expect(saved).toMatchObject({ title, artist: 'Arijit Singh', mood: 'romantic' });
    expect(
      String(saved!.audio).startsWith(endpoint()),
      `The song's audio is ${JSON.stringify(saved!.audio)}, not a URL of the storage (${endpoint()}…): save uploaded.url.`,
    ).toBe(true);
    expect(
      typeof saved!.fileId === 'string' && saved!.fileId.length > 0,
      `The song's fileId is ${JSON.stringify(saved!.fileId)}: save uploaded.fileId, the id a delete needs later.`,
    ).toBe(true);

    const served = await fetch(saved!.audio);
    expect(served.status, `The saved URL ${saved!.audio} answered ${served.status}.`).toBe(200);
    expect(served.headers.get('content-type'), 'The storage should serve the file as audio.').toMatch(/^audio\//);
    expect(Buffer.from(await served.arrayBuffer()).equals(wav), 'The URL serves other bytes than the upload.').toBe(
      true,
    );
  });

  it('answers 400 naming the field "audio" when no file comes, and uploads nothing', async () => {
    await storageSettled();
    const before = storage.uploadsReceived;
    const req = request(app()).post('/api/songs').field('title', `No file ${tag()}`).field('artist', 'Arijit Singh');
    const res = await send(req, 'POST /api/songs without a file');
    await storageSettled();
    expect(res.status, `POST /api/songs without a file answered ${res.status} ${JSON.stringify(res.body)}.`).toBe(400);
    expect(
      res.body?.error,
      'The 400 should say which form field the file must come in: "audio" (with the quotes).',
    ).toContain('"audio"');
    expect(storage.uploadsReceived - before, 'Nothing should be uploaded without a file.').toBe(0);
  });

  it('answers 400 naming the field "audio" when the file comes in another field', async () => {
    const res = await send(postSong({ title: 'Kesariya', artist: 'Arijit Singh' }, undefined, 'song'), 'POST');
    expect(res.status, `A file in the field "song" got ${res.status} ${JSON.stringify(res.body)} instead of 400.`).toBe(
      400,
    );
    expect(res.body?.error, 'The 400 should name the field the file must come in.').toContain('"audio"');
  });

  it("answers 400 with the schema's messages for an invalid song, and leaves no file in storage", async () => {
    const title = `No artist ${tag()}`;
    await storageSettled();
    const before = filesInStorage();
    const res = await send(postSong({ title, mood: 'grumpy' }), 'POST /api/songs with an invalid song');
    expect(res.status, `A song without an artist answered ${res.status} ${JSON.stringify(res.body)}, not 400.`).toBe(
      400,
    );
    expect(res.body?.errors, "The 400 should carry the schema's message for each field.").toMatchObject({
      artist: 'A song needs an artist',
      mood: expect.any(String),
    });
    expect(await songs().countDocuments({ title }), 'An invalid song was saved.').toBe(0);
    await storageSettled();
    expect(
      filesInStorage() - before,
      aboutMistake(
        "The song was refused, rightly, but its file was uploaded anyway and is still in storage, where no song points to it. Check the song's fields before uploading, " +
          "and wait for that check: await song.validate(['title', 'artist', 'mood']) first (without await, the upload starts before the check has answered). " +
          '(Or delete the uploaded file when saving fails.)',
        'Uploading before checking',
      ),
    ).toBe(0);
  });

  it("answers 502 with the storage's message when the upload fails, and saves nothing", async (context) => {
    if (!local()) context.skip('needs the local storage: a real ImageKit account cannot fail on purpose');
    const title = `Failing ${tag()}`;
    lesson.storage.faults.failNext(1, plannedRefusal(500));
    const res = await send(postSong({ title, artist: 'Arijit Singh' }), 'POST /api/songs with a failing upload');
    lesson.storage.faults.reset();
    const said = `A failed upload answered ${res.status} ${JSON.stringify(res.body)}, not 502`;
    expect(
      res.status,
      res.status === 500 || res.status === 201
        ? `${said}. Let the storage's error reach the app's error handler, which answers 502 with its message: ` +
            'await uploadFile(...) with no try/catch around it (or throw the error again in your catch).'
        : `${said}.`,
    ).toBe(502);
    expect(res.body?.error, "The 502 should carry the storage's own message.").toContain(plannedRefusal(500).message);
    expect(await songs().countDocuments({ title }), 'The upload failed, yet a song was saved.').toBe(0);
  });

  it('answers 400 for a file that is no audio, whatever its name, and uploads and saves nothing', async () => {
    const title = `Shopping list ${tag()}`;
    await storageSettled();
    const before = storage.uploadsReceived;
    const notes = Buffer.from('milk\neggs\nbread\n');
    const res = await send(postSong({ title, artist: 'Me' }, notes, 'audio', 'shopping-list.mp3'), 'POST');
    await storageSettled();
    const said = `A text file named shopping-list.mp3 answered ${res.status} ${JSON.stringify(res.body)}`;
    expect(
      res.status,
      `${said}, not 400. A file's name is only what the sender says: look at its first bytes, ` +
        'with audioTypeOf(req.file.buffer) from audio-type.ts, and answer 400 when it is no audio, before uploading.',
    ).toBe(400);
    expect(typeof res.body?.error, `${said}: the 400 should say in its error that the file is no audio.`).toBe(
      'string',
    );
    expect(storage.uploadsReceived - before, 'A file that is no audio was uploaded to storage anyway.').toBe(0);
    expect(await songs().countDocuments({ title }), 'A file that is no audio was saved as a song.').toBe(0);
  });
});

/** Three songs straight into the database, a minute apart, oldest first: no upload needed to list them. */
async function threeSongs() {
  await songs().deleteMany({});
  const start = Date.now() - 3 * 60_000;
  const made = [
    { title: 'Tum Hi Ho', mood: 'sad' },
    { title: 'Ilahi', mood: 'happy' },
    { title: 'Channa Mereya', mood: 'sad' },
  ].map((song, i) => ({
    ...song,
    artist: 'Arijit Singh',
    audio: `${endpoint()}/song-${i}.wav`,
    fileId: randomBytes(12).toString('hex'),
    createdAt: new Date(start + i * 60_000),
    updatedAt: new Date(start + i * 60_000),
  }));
  const { insertedIds } = await songs().insertMany(made);
  return made.map((song, i) => ({ ...song, _id: String(insertedIds[i]) }));
}

/** The titles a list answer holds, in its order. */
const titlesOf = (res: request.Response): string[] =>
  Array.isArray(res.body?.songs) ? res.body.songs.map((song: { title?: string }) => song?.title) : [];

describe('GET /api/songs', () => {
  it('lists every song, newest first, when no mood is asked', async () => {
    await threeSongs();
    const res = await send(request(app()).get('/api/songs'), 'GET /api/songs');
    expect(res.status, `GET /api/songs answered ${res.status} ${JSON.stringify(res.body)}.`).toBe(200);
    const titles = titlesOf(res);
    expect(
      titles.length,
      aboutMistake(
        `GET /api/songs listed ${titles.length} songs, and 3 are saved. Without ?mood= in the URL, req.query.mood ` +
          'is undefined, and Song.find({ mood: undefined }) looks for songs without a mood: there are none. Filter ' +
          'only when a mood is asked: const filter = mood ? { mood } : {};',
        'Song.find({ mood: req.query.mood })',
      ),
    ).toBe(3);
    expect(titles, 'Newest first: sort the songs with .sort({ createdAt: -1 }).').toEqual([
      'Channa Mereya',
      'Ilahi',
      'Tum Hi Ho',
    ]);
  });

  it('lists only the songs of the mood asked, with ?mood=sad', async () => {
    await threeSongs();
    const res = await send(request(app()).get('/api/songs?mood=sad'), 'GET /api/songs?mood=sad');
    expect(res.status, `GET /api/songs?mood=sad answered ${res.status} ${JSON.stringify(res.body)}.`).toBe(200);
    expect(titlesOf(res), 'Only the two sad songs, newest first: find the songs whose mood is req.query.mood.').toEqual(
      ['Channa Mereya', 'Tum Hi Ho'],
    );
  });
});

describe('GET /api/songs/:id', () => {
  it('answers the song; 404 for an id no song has, 400 for a malformed id', async () => {
    const [first] = await threeSongs();
    const found = await send(request(app()).get(`/api/songs/${first._id}`), 'GET /api/songs/:id');
    expect(found.status, `GET /api/songs/${first._id} answered ${found.status} ${JSON.stringify(found.body)}.`).toBe(
      200,
    );
    expect(found.body?.song?.title, 'The answer should be { ok: true, song }.').toBe(first.title);
    const missing = await send(request(app()).get(`/api/songs/${'0'.repeat(24)}`), 'GET /api/songs/:id');
    expect(missing.status, 'An id no song has should answer 404.').toBe(404);
    const malformed = await send(request(app()).get('/api/songs/not-an-id'), 'GET /api/songs/not-an-id');
    expect(malformed.status, 'A malformed id should answer 400 (check it with mongoose.isObjectIdOrHexString).').toBe(
      400,
    );
  });
});

const DELETE_NEVER_SETTLED = aboutMistake(
  "Your deleteFile() promise never settled, though the storage had answered: call resolve() in the SDK's " +
    'callback when there is no error, and reject(error) when there is one. Until then, await deleteFile() waits forever.',
  'A deleteFile() that never settles',
);

/** A file put straight into the storage, with the SDK, for deleteFile() to delete. */
async function storedFile(): Promise<{ fileId: string; url: string }> {
  const imagekit = new ImageKit(lesson.storage.options);
  const { fileId, url } = await imagekit.upload({ file: toneWav(0.1), fileName: 'to-delete.wav' });
  return { fileId, url };
}

/** Calls the learner's deleteFile(), insisting on a promise. */
function callDeleteFile(fileId: string): Promise<unknown> {
  const returned: unknown = lesson.exercise.deleteFile(fileId);
  if (typeof (returned as PromiseLike<unknown> | undefined)?.then !== 'function') {
    expect.fail(
      `deleteFile() gave back ${String(returned)}, not a Promise: return new Promise((resolve, reject) => { … }), ` +
        'and settle it inside the callback of imagekit.deleteFile(fileId, (error) => { … }).',
    );
  }
  return Promise.resolve(returned);
}

describe('deleteFile(fileId)', () => {
  it('resolves once the storage has removed the file: its URL answers 404 afterwards', async () => {
    const { fileId, url } = await storedFile();
    const outcome = await settleWithin(
      callDeleteFile(fileId).then(
        () => 'resolved',
        (error: unknown) => `rejected with ${JSON.stringify((error as Error)?.message ?? error)}`,
      ),
      PATIENCE_MS,
      DELETE_NEVER_SETTLED,
    );
    expect(
      outcome,
      `This delete should succeed, and your deleteFile() ${outcome}. Call imagekit.deleteFile(fileId, …) in a new ` +
        'Promise: resolve() in its callback, and reject(error) only when the callback gets an error.',
    ).toBe('resolved');
    if (local()) expect((await fetch(url)).status, `${url} still serves the file after deleteFile().`).toBe(404);
  });

  it("rejects with the storage's error for a fileId it does not know", async () => {
    const outcome = await settleWithin(
      callDeleteFile('0123456789abcdef01234567').then(
        () => undefined,
        (error: unknown) => error as { message?: string },
      ),
      PATIENCE_MS,
      DELETE_NEVER_SETTLED,
    );
    expect(
      outcome?.message,
      "This delete fails: your promise should reject with the error the SDK's callback gets, reject(error).",
    ).toBe('The requested file does not exist.');
  });
});

describe('DELETE /api/songs/:id', () => {
  it('deletes the song and its file: gone from the database, and its URL answers 404', async () => {
    const song = await uploadSong({ title: `Agar Tum Saath Ho ${tag()}`, artist: 'Arijit Singh', mood: 'sad' });
    const res = await send(request(app()).delete(`/api/songs/${song._id}`), 'DELETE /api/songs/:id');
    expect(res.status, `DELETE /api/songs/${song._id} answered ${res.status} ${JSON.stringify(res.body)}.`).toBe(200);
    expect(res.body?.song?.title, 'Answer { ok: true, song } with the song you deleted.').toBe(song.title);
    expect(
      await songs().countDocuments({ _id: new mongoose.Types.ObjectId(song._id) }),
      'The song is still in the database.',
    ).toBe(0);
    if (!local()) return; // a real CDN may keep serving a deleted file for a while
    const after = await fetch(song.audio);
    expect(
      after.status,
      aboutMistake(
        `The song is gone, but its file is still in storage: ${song.audio} still answers ${after.status}, and ` +
          'nothing points to it any more. Delete the file too, before the song: await deleteFile(song.fileId).',
        'Deleting only the song',
      ),
    ).toBe(404);
  });

  it('answers 404 for an id no song has, and 400 for a malformed id', async () => {
    const missing = await send(request(app()).delete(`/api/songs/${'0'.repeat(24)}`), 'DELETE /api/songs/:id');
    expect(missing.status, `An id no song has answered ${missing.status} ${JSON.stringify(missing.body)}.`).toBe(404);
    const malformed = await send(request(app()).delete('/api/songs/not-an-id'), 'DELETE /api/songs/not-an-id');
    expect(malformed.status, `A malformed id answered ${malformed.status}, not 400.`).toBe(400);
  });
});

/** The few members of an <audio> element the test reads (this project's types know no DOM). */
interface AudioInPage {
  readyState: number;
  duration: number;
  error: { code: number } | null;
  addEventListener(type: 'loadedmetadata' | 'error', listener: () => void): void;
}

describe('the page, in a browser', () => {
  let skipReason: string | undefined;
  let launched: LaunchedBrowser | undefined;
  let server: Server | undefined;
  let page: Page;
  const formSong = { title: 'Ilahi', artist: 'Arijit Singh', mood: 'happy', seconds: 2.6 };
  const seeded = [
    { title: 'Tum Hi Ho', artist: 'Arijit Singh', mood: 'sad', seconds: 4.2, tone: 330 },
    { title: 'Kesariya', artist: 'Arijit Singh', mood: 'romantic', seconds: 3.4, tone: 523 },
  ];
  let formSongUrl = '';

  beforeAll(async () => {
    if (failedSoFar > 0) {
      skipReason = 'the browser checks run once every check above passes: the page calls the same API';
      return;
    }
    try {
      launched = await launchBrowser();
    } catch (error) {
      skipReason = (error as Error).message;
      return;
    }
    await songs().deleteMany({});
    for (const { seconds, tone, ...fields } of seeded) await uploadSong(fields, toneWav(seconds, tone), 'song.wav');
    const listening = createServer(app());
    await new Promise<void>((resolve) => listening.listen(0, '127.0.0.1', resolve));
    server = listening;
    page = await launched.browser.newPage({ viewport: { width: 1000, height: 800 } });
    page.setDefaultTimeout(20_000); // a backstop: each wait below has its own patience
    await page.goto(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/`);
  });
  afterAll(async () => {
    await launched?.close();
    if (server) {
      const closed = new Promise((resolve) => server!.close(resolve));
      server.closeAllConnections();
      await closed;
    }
  });

  const item = (title: string): Locator => page.locator('#songs li', { hasText: title });

  /** The duration an <audio> of the page read from its file's header, once its metadata has loaded. */
  const durationOf = (player: Locator) =>
    player.evaluate(
      (element: AudioInPage) =>
        new Promise<number>((resolve, reject) => {
          if (element.readyState >= 1) resolve(element.duration); // 1 is HAVE_METADATA
          element.addEventListener('loadedmetadata', () => resolve(element.duration));
          element.addEventListener('error', () => reject(new Error(`the audio failed, code ${element.error?.code}`)));
        }),
    );

  /** Waits for the page with patience for a busy machine; a wait for what never comes says why, and what the page shows. */
  async function inPage<T>(action: Promise<T>, explanation: string): Promise<T> {
    try {
      return await settleWithin(action, PATIENCE_MS, explanation);
    } catch (error) {
      if (!(error instanceof NeverSettled)) throw error;
      const shown = await page
        .locator('[role="status"]')
        .allTextContents()
        .catch(() => []);
      const says = shown.filter(Boolean).join(' ');
      throw new NeverSettled(says ? `${explanation} The page says: "${says}"` : explanation);
    }
  }

  it('lists the songs, and uploads a new one through the form: it shows at the top of the list', async (context) => {
    if (skipReason) context.skip(skipReason);
    await inPage(item('Kesariya').waitFor(), 'The page never listed the songs.');
    await page.fill('input[name="title"]', formSong.title);
    await page.fill('input[name="artist"]', formSong.artist);
    await page.selectOption('select[name="mood"]', formSong.mood);
    await page.setInputFiles('input[name="audio"]', {
      name: 'ilahi.wav',
      mimeType: 'audio/wav',
      buffer: toneWav(formSong.seconds, 392),
    });
    await page.click('button[type="submit"]');
    await inPage(item(formSong.title).waitFor(), 'The uploaded song never showed in the list.');
    expect(await page.locator('#songs li strong').allTextContents(), 'Newest first: the new song on top.').toEqual([
      'Ilahi',
      'Kesariya',
      'Tum Hi Ho',
    ]);
    const saved = await songs().findOne({ title: formSong.title });
    expect(saved, 'The song uploaded through the form is not in the database.').not.toBe(null);
    formSongUrl = saved!.audio;
  });

  it("plays from storage: each <audio> loads its file's metadata, with the right duration", async (context) => {
    if (skipReason) context.skip(skipReason);
    const audio = item(formSong.title).locator('audio');
    expect(await audio.getAttribute('src'), 'The player should play the URL the storage gave.').toBe(formSongUrl);
    const durations: number[] = [];
    for (const player of await page.locator('#songs audio').all())
      durations.push(await inPage(durationOf(player), 'An <audio> never loaded its metadata from the storage URL.'));
    // The browser read each WAV's header from storage, with the right content type: its duration is the one uploaded.
    const uploaded = [formSong, ...seeded.toReversed()].map((song) => song.seconds);
    for (const [i, duration] of durations.entries())
      expect(duration, 'A player shows another duration.').toBeCloseTo(uploaded[i], 2);
    if (local())
      expect(storage.rangesServed, 'The players fetched their files in byte ranges (206).').toBeGreaterThan(0);
    // Every player ready: the picture the README shows (PLAYGROUND_SCREENSHOT names its file).
    const screenshot = process.env.PLAYGROUND_SCREENSHOT;
    if (screenshot) {
      await mkdir(path.dirname(path.resolve(screenshot)), { recursive: true });
      await page.screenshot({ path: path.resolve(screenshot), fullPage: true });
    }
  });

  it('filters by mood: "sad" shows only the sad song, "all" every song again', async (context) => {
    if (skipReason) context.skip(skipReason);
    await page.click('#moods button[data-mood="sad"]');
    await inPage(item('Kesariya').waitFor({ state: 'detached' }), 'The list never left out the other moods.');
    expect(await page.locator('#songs li strong').allTextContents()).toEqual(['Tum Hi Ho']);
    await page.click('#moods button[data-mood=""]');
    await inPage(item('Kesariya').waitFor(), '"all" never showed every song again.');
    expect(await page.locator('#songs li').count()).toBe(3);
  });

  it('deletes a song: it leaves the list, the database and the storage', async (context) => {
    if (skipReason) context.skip(skipReason);
    await page.click(`button[aria-label="Delete ${formSong.title}"]`);
    await inPage(item(formSong.title).waitFor({ state: 'detached' }), `The deleted song never left the list.`);
    expect(await page.locator('#songs li').count()).toBe(2);
    expect(await songs().countDocuments({ title: formSong.title }), 'The song is still in the database.').toBe(0);
    if (local()) expect((await fetch(formSongUrl)).status, 'Its file is still in storage.').toBe(404);
    // The page (given) says what happened, and keeps the keyboard's place: the next song's delete button.
    expect(await page.locator('#list-status').textContent()).toContain(`Deleted "${formSong.title}".`);
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Delete Kesariya');
  });

  it('fits a phone: at 375 and 320 px wide nothing needs scrolling sideways', async (context) => {
    if (skipReason) context.skip(skipReason);
    for (const width of [375, 320]) {
      await page.setViewportSize({ width, height: 667 });
      const wide = await page.locator('html').evaluate((html: { scrollWidth: number }) => html.scrollWidth);
      expect(wide, `At ${width} px the page is ${wide} px wide.`).toBeLessThanOrEqual(width);
    }
  });
});
