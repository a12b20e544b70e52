// Lesson 06: every route waits (await) for the upload and the save before it answers,
// catches what fails, and uploads a batch all at once. Real HTTP, real database, real storage.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import request from 'supertest';
import { useLesson } from './support/use-lesson.ts';
import { settleWithin } from './support/settle.ts';
import { createApp, type Exercise } from '../lessons/06-await-pitfalls/app.ts';
import { plannedRefusal } from './support/planned-refusal.ts';

const lesson = useLesson<Exercise>('06-await-pitfalls');
const songs = () => mongoose.connection.collection('songs');
const app = () => createApp(lesson.exercise);
const local = () => lesson.storage.kind === 'local';

/** A short random word, so each test finds its own songs even if a late save from another test lands. */
const tag = () => randomBytes(4).toString('hex');

/** Pretend audio: random bytes, different for every file. */
const audio = () => randomBytes(2048);

/** Sends a supertest request; an app that never answers gets a plain explanation instead of a timeout. */
function send(test: request.Test, what: string): Promise<request.Response> {
  return settleWithin(
    Promise.resolve(test),
    5000,
    `${what} got no answer at all. Does every path of the route end with res.json(...)? ` +
      'A .then() without .catch(), or an error nobody catches, leaves the request hanging.',
  );
}

// --- Watching the uploads: how many run at the same time, and when they are all done. ---
// Seen through Node's diagnostics channels, nothing replaced: the local storage server (it runs
// in this process) reports each upload it receives and answers; the SDK's side reports each answer it gets.
const uploads = { arrived: 0, answered: 0, running: 0, most: 0, waiting: [] as (() => void)[] };
const UPLOAD_PATH = '/api/v1/files/upload';
const isUpload = (url: string | undefined) => (url ?? '').split('?')[0] === UPLOAD_PATH;
const onStorageReceives = (message: unknown) => {
  if (!isUpload((message as { request: IncomingMessage }).request.url)) return;
  uploads.arrived += 1;
  uploads.running += 1;
  uploads.most = Math.max(uploads.most, uploads.running);
};
const onStorageAnswers = (message: unknown) => {
  if (isUpload((message as { request: IncomingMessage }).request.url)) uploads.running -= 1;
};
const onSdkGetsAnswer = (message: unknown) => {
  const { request: req, response } = message as { request: ClientRequest; response: IncomingMessage };
  if (!isUpload(req.path)) return;
  response.once('close', () => {
    uploads.answered += 1;
    if (uploads.answered >= uploads.arrived) for (const wake of uploads.waiting.splice(0)) wake();
  });
};
const channels = {
  'http.server.request.start': onStorageReceives,
  'http.server.response.finish': onStorageAnswers,
  'http.client.response.finish': onSdkGetsAnswer,
};
/** Resolves once every upload the storage received has been answered and read, and the code waiting for it has run. */
async function uploadsFinished(): Promise<void> {
  if (uploads.answered < uploads.arrived) {
    await settleWithin(
      new Promise<void>((wake) => uploads.waiting.push(wake)),
      5000,
      'An upload to the storage never finished.',
    );
  }
  // Let the SDK's callback run, and any promise it rejects be reported.
  for (let i = 0; i < 3; i++) await new Promise((next) => setImmediate(next));
}

// --- Errors that escape: a rejected promise nobody awaited. In a real server, the process dies. ---
const escaped: unknown[] = [];
const onUnhandled = (reason: unknown) => void escaped.push(reason);
function expectNothingEscaped(before: number, what: string): void {
  const reason = escaped[before] as { message?: string } | undefined;
  expect(
    escaped.length - before,
    `${what}: an error escaped as an unhandled rejection ("${reason?.message ?? String(reason)}"). ` +
      'A promise failed and nobody was waiting for it: a missing await, or an async callback inside forEach. ' +
      'Outside the tests, Node stops the whole server on such an error.',
  ).toBe(0);
}

beforeAll(() => {
  for (const [name, listener] of Object.entries(channels)) diagnostics.subscribe(name, listener);
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  uploads.most = 0;
  if (local()) lesson.storage.faults.reset();
});
afterAll(async () => {
  for (const [name, listener] of Object.entries(channels)) diagnostics.unsubscribe(name, listener);
  process.off('unhandledRejection', onUnhandled);
  await songs()
    .drop()
    .catch(() => {});
});

/** POST /api/songs with one file in the "audio" field and the given text fields. */
function postSong(fields: Record<string, string>, file = audio(), field = 'audio', name = 'song.mp3'): request.Test {
  let req = request(app()).post('/api/songs');
  for (const [key, value] of Object.entries(fields)) req = req.field(key, value);
  return req.attach(field, file, name);
}

/** What the route probably did, told from a wrong answer to a request whose upload or save fails. */
function whyNotAnError(res: request.Response, wanted: number): string {
  const body = JSON.stringify(res.body);
  if (res.status === 201 && Array.isArray(res.body?.songs) && res.body.songs.length === 0) {
    return (
      `It answered 201 ${body} although the saves failed: saveSongs() returned its empty list before any save ran. ` +
      'forEach does not wait for an async callback: use map() and await Promise.all(...).'
    );
  }
  if (res.status === 201) {
    return (
      `It answered 201 ${body} although the save failed: the route answered before the work was done. ` +
      'Did you forget to await saveSong(...) / saveSongs(...)?'
    );
  }
  if (res.status === 500) {
    return (
      "No try/catch in the route caught the error, so only the app's last-resort handler saw it and answered a vague 500. " +
      `Put the awaits inside try { } and call sendSongError(res, error) in catch { } to answer ${wanted}. ` +
      "Already there? Then your catch itself failed: is sendSongError imported from './send-song-error.ts'? " +
      `(It answered ${body}.)`
    );
  }
  return `It answered ${res.status} ${body} instead of ${wanted}.`;
}

describe('POST /api/songs', () => {
  it('answers 201 only once the song is saved: the answer has its _id and the database has the song', async () => {
    const title = `Kesariya ${tag()}`;
    const res = await send(postSong({ title, artist: 'Arijit Singh', mood: 'romantic' }), 'POST /api/songs');
    expect(res.status, `POST /api/songs answered ${res.status} ${JSON.stringify(res.body)} instead of 201.`).toBe(201);
    const id = res.body?.song?._id;
    expect(
      id,
      aboutMistake(
        `The answer ${JSON.stringify(res.body)} has no song._id: the route answered before the song was saved, and ` +
          'res.json() turned a Promise into {}. Did you forget to await saveSong(...)?',
        'const song = saveSong(...)',
      ),
    ).toBeTruthy();
    const saved = await songs().findOne({ _id: new mongoose.Types.ObjectId(String(id)) });
    expect(
      saved,
      'Right after the 201 the song is not in the database yet: did you await the save before answering?',
    ).not.toBeNull();
    expect(saved!.title).toBe(title);
    expect(saved!.mood).toBe('romantic');
  });

  it('saves the URL the storage gave back (a real string), and that URL serves the uploaded bytes', async () => {
    const title = `Tum Hi Ho ${tag()}`;
    const file = audio();
    const res = await send(postSong({ title, artist: 'Arijit Singh' }, file), 'POST /api/songs');
    expect(res.status, `POST /api/songs answered ${res.status} ${JSON.stringify(res.body)} instead of 201.`).toBe(201);
    const saved = await songs().findOne({ title });
    expect(
      saved,
      `No song titled "${title}" is in the database right after the 201: did you await saveSong(...) before answering?`,
    ).not.toBeNull();
    const endpoint = lesson.storage.options.urlEndpoint;
    expect(
      typeof saved!.audio,
      `The song's audio is ${JSON.stringify(saved!.audio)}, not a URL string: it was saved with the Promise, not the upload. ` +
        'await uploadFile(...) and save uploaded.url.',
    ).toBe('string');
    expect(
      saved!.audio.startsWith(endpoint),
      `The song's audio "${saved!.audio}" is not a URL from the storage (${endpoint}…): save uploaded.url.`,
    ).toBe(true);
    const download = await fetch(saved!.audio);
    expect(
      download.status,
      `Opening the saved URL answered ${download.status}: save the url the storage gave back.`,
    ).toBe(200);
    expect(
      Buffer.from(await download.arrayBuffer()).equals(file),
      'The saved URL serves other bytes than the ones uploaded.',
    ).toBe(true);
  });

  it("answers 502 with the storage's message when the upload fails, saves nothing, and keeps running", async (ctx) => {
    if (!local()) ctx.skip(); // only the local storage can be told to fail
    const title = `Failing ${tag()}`;
    const before = escaped.length;
    lesson.storage.faults.failNext(1, plannedRefusal(500));
    const res = await send(postSong({ title, artist: 'Arijit Singh' }), 'POST /api/songs with a failing upload');
    await uploadsFinished();
    expect(res.status, `A failed upload must answer 502. ${whyNotAnError(res, 502)}`).toBe(502);
    expect(res.type, 'The error answer must be JSON.').toBe('application/json');
    expect(res.body.error, "The 502 answer should carry the storage's own message.").toContain(
      plannedRefusal(500).message,
    );
    expect(await songs().countDocuments({ title }), 'The upload failed, yet a song was saved.').toBe(0);
    expectNothingEscaped(before, 'POST /api/songs with a failing upload');
  });

  it("answers 400 with the schema's message when the song is not valid", async () => {
    const title = `No artist ${tag()}`;
    const before = escaped.length;
    const res = await send(postSong({ title }), 'POST /api/songs without an artist');
    await uploadsFinished();
    expect(res.status, `A song without an artist must answer 400. ${whyNotAnError(res, 400)}`).toBe(400);
    expect(res.body.errors?.artist, 'The 400 answer should say what is wrong with artist.').toBe(
      'A song needs an artist',
    );
    expect(await songs().countDocuments({ title }), 'An invalid song was saved.').toBe(0);
    expectNothingEscaped(before, 'POST /api/songs without an artist');
  });

  it('answers 400 naming the "audio" field when no file is sent', async () => {
    const req = request(app()).post('/api/songs').field('title', 'Kesariya').field('artist', 'Arijit Singh');
    const res = await send(req, 'POST /api/songs without a file');
    expect(res.status, `POST /api/songs without a file answered ${res.status} instead of 400.`).toBe(400);
    expect(res.body.error, 'The message should name the field the file must come in.').toContain('"audio"');
  });

  it('answers 400 naming the "audio" field when the file comes in another field', async () => {
    const res = await send(postSong({ title: 'Kesariya', artist: 'Arijit Singh' }, audio(), 'song'), 'POST /api/songs');
    expect(res.status, `A file in the field "song" answered ${res.status} instead of 400.`).toBe(400);
    expect(res.body.error, 'The message should name the field the file must come in.').toContain('"audio"');
  });
});

describe('GET /api/songs', () => {
  it('lists the songs that were uploaded', async () => {
    const artist = `Band ${tag()}`;
    for (const title of ['Kesariya', 'Ilahi']) {
      const res = await send(postSong({ title, artist }), 'POST /api/songs');
      expect(res.status, `POST /api/songs answered ${res.status} ${JSON.stringify(res.body)} instead of 201.`).toBe(
        201,
      );
    }
    const res = await send(request(app()).get('/api/songs'), 'GET /api/songs');
    expect(res.status).toBe(200);
    const titles = (res.body.songs ?? [])
      .filter((song: { artist?: string }) => song.artist === artist)
      .map((song: { title: string }) => song.title);
    expect(
      titles.sort(),
      'GET /api/songs should list both songs just uploaded: was each saved before its 201?',
    ).toEqual(['Ilahi', 'Kesariya']);
  });
});

describe('POST /api/songs/batch', () => {
  /** POST /api/songs/batch with the files in the "audio" field, all sharing one artist. */
  function postBatch(files: { name: string; bytes: Buffer }[], artist: string): request.Test {
    let req = request(app()).post('/api/songs/batch').field('artist', artist).field('mood', 'happy');
    for (const file of files) req = req.attach('audio', file.bytes, file.name);
    return req;
  }
  const threeFiles = () =>
    ['kesariya', 'ilahi', 'agar-tum-saath-ho'].map((name) => ({ name: `${name}.mp3`, bytes: audio() }));

  it('saves every file as its own song, with its own URL, and lists them all in the answer', async () => {
    const artist = `Band ${tag()}`;
    const files = threeFiles();
    const res = await send(postBatch(files, artist), 'POST /api/songs/batch');
    // A song refused for its missing URL was given an upload's Promise, which has no .url.
    const noUrl = res.body?.errors?.audio
      ? ' The songs had no audio URL: files.map(...) with uploadFile gives an array of promises, and a Promise has ' +
        'no .url. Wait for them all first: const uploads = await Promise.all(files.map(...)).'
      : '';
    expect(
      res.status,
      `POST /api/songs/batch answered ${res.status} ${JSON.stringify(res.body)} instead of 201.${noUrl}`,
    ).toBe(201);
    const listed: ({ _id?: string } | null)[] = Array.isArray(res.body.songs) ? res.body.songs : [];
    expect(
      listed.length,
      aboutMistake(
        `The answer lists ${listed.length} of ${files.length} songs: saveSongs() returned before the saves were done. ` +
          'forEach does not wait for an async callback. Start the saves with map(), wait with await Promise.all(...), and return the result.',
        'forEach(async ...)',
      ),
    ).toBe(files.length);
    expect(
      listed.every((song) => song?._id),
      `Every song in the answer should be a saved song with its _id, and the answer lists ${JSON.stringify(listed)}. ` +
        'Does the function you give map() return the saved song (return Song.create(...)), and is each one awaited?',
    ).toBe(true);

    const saved = await songs().find({ artist }).toArray();
    expect(
      saved.length,
      `Right after the 201 the database has ${saved.length} of ${files.length} songs: wait for every save.`,
    ).toBe(files.length);
    expect(new Set(saved.map((song) => song.audio)).size, 'Each song needs its own URL.').toBe(files.length);
    for (const file of files) {
      const song = saved.find((s) => s.title === file.name.replace('.mp3', ''));
      expect(song, `No song is titled after "${file.name}".`).toBeDefined();
      const download = await fetch(song!.audio);
      expect(
        Buffer.from(await download.arrayBuffer()).equals(file.bytes),
        `The URL of "${song!.title}" serves other bytes.`,
      ).toBe(true);
    }
  });

  it('uploads the files at the same time, not one after another', async (ctx) => {
    if (!local()) ctx.skip(); // only the local storage runs in this process, where its uploads can be counted
    lesson.storage.faults.setLatency(80); // each upload now takes a moment, so overlaps show
    const res = await send(postBatch(threeFiles(), `Band ${tag()}`), 'POST /api/songs/batch');
    await uploadsFinished();
    expect(res.status, `POST /api/songs/batch answered ${res.status} ${JSON.stringify(res.body)} instead of 201.`).toBe(
      201,
    );
    expect(
      uploads.most,
      aboutMistake(
        'The storage never had two uploads running at the same time: the files went one after another ' +
          '(an await inside a for...of loop waits for each upload before starting the next). ' +
          'Start them all with files.map(...) and wait for all of them with await Promise.all(...).',
        'for...of with await for independent uploads',
      ),
    ).toBeGreaterThanOrEqual(2);
  });

  it('answers 502 when one of the uploads fails, and keeps running', async (ctx) => {
    if (!local()) ctx.skip();
    const before = escaped.length;
    lesson.storage.faults.failNext(1, plannedRefusal(500));
    const res = await send(
      postBatch(threeFiles().slice(0, 2), `Band ${tag()}`),
      'POST /api/songs/batch with a failing upload',
    );
    await uploadsFinished();
    expect(res.status, `A failed upload must answer 502. ${whyNotAnError(res, 502)}`).toBe(502);
    expect(res.body.error, "The 502 answer should carry the storage's own message.").toContain(
      plannedRefusal(500).message,
    );
    expectNothingEscaped(before, 'POST /api/songs/batch with a failing upload');
  });

  it("answers 400 with the schema's message, and keeps running, when the songs are not valid", async () => {
    const before = escaped.length;
    const req = request(app())
      .post('/api/songs/batch')
      .attach('audio', audio(), 'kesariya.mp3')
      .attach('audio', audio(), 'ilahi.mp3');
    const res = await send(req, 'POST /api/songs/batch without an artist');
    await uploadsFinished();
    expect(res.status, `Songs without an artist must answer 400. ${whyNotAnError(res, 400)}`).toBe(400);
    expectNothingEscaped(before, 'POST /api/songs/batch without an artist');
  });

  it('answers 400 naming the "audio" field when no file is sent', async () => {
    const res = await send(
      request(app()).post('/api/songs/batch').field('artist', 'Arijit Singh'),
      'POST /api/songs/batch without files',
    );
    expect(res.status, `POST /api/songs/batch without files answered ${res.status} instead of 400.`).toBe(400);
    expect(res.body.error, 'The message should name the field the files must come in.').toContain('"audio"');
  });
});
