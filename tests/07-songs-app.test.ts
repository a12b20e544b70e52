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
import { launchBrowser, type LaunchedBrowser, type NoBrowser } from '../src/browser/launch-browser.ts';
import { quietFor } from '../src/lessons/progress-clock.ts';
import { createApp, type Exercise } from '../lessons/07-songs-app/app.ts';
import { NeverSettled, settleWithin } from './support/settle.ts';
import { watchStorageTraffic } from './support/storage-traffic.ts';
import { toneWav } from './support/tone-wav.ts';
import { useLesson } from './support/use-lesson.ts';
import { plannedRefusal, onlyLocalStorageRefuses } from './support/planned-refusal.ts';
import { inBoth, said } from './support/said.ts';

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

/**
 * Sends a supertest request; an app that never answers gets a plain explanation instead of a timeout.
 * `what` names the request, `inHinglish` names it in Hinglish when the words differ from a bare route.
 */
function send(test: request.Test, what: string, inHinglish = what): Promise<request.Response> {
  return settleWithin(
    Promise.resolve(test),
    PATIENCE_MS,
    said(
      `${what} got no answer at all. Does every path of the route end with res.json(...), ` +
        'and does every promise it awaits settle (deleteFile() and uploadFile() call resolve or reject)?',
      `${inHinglish} ka koi jawab hi nahi aaya. Kya route ka har raasta res.json(...) par khatam hota hai, ` +
        'aur kya har woh promise settle hota hai jise route await karta hai (deleteFile() aur uploadFile() ' +
        'resolve ya reject call karte hain)?',
    ),
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
  const answer = `${res.status} ${JSON.stringify(res.body)}`;
  const answered = `POST /api/songs answered ${answer}`;
  const answeredInHinglish = `POST /api/songs ka jawab ${answer} aaya`;
  const error = String(res.body?.error ?? '');
  if (res.status === 404 && error.startsWith('Nothing answers')) {
    return said(
      `${answered}: nothing answers at /api/songs, the address the page calls. ` +
        "Is songRoutes mounted there in app.ts, with app.use('/api/songs', songRoutes)?",
      `${answeredInHinglish}: /api/songs par, jis address ko page call karta hai, koi jawab nahi deta. ` +
        "Kya app.ts mein songRoutes wahan mount hai, app.use('/api/songs', songRoutes) se?",
    );
  }
  if (res.status === 400 && error.includes("upload.single('audio')")) {
    return aboutMistake(
      said(
        `${answered}. The page sends the file in the form field "audio", and your route's multer reads another ` +
          "field, so multer refused the form before your route ran. Read it with upload.single('audio').",
        `${answeredInHinglish}. Page file ko form field "audio" mein bhejta hai, aur aapke route ka multer koi doosra field ` +
          'padhta hai, isliye multer ne aapka route chalne se pehle hi form refuse kar diya. File ko ' +
          "upload.single('audio') se padhiye.",
      ),
      'A field name that does not match',
    );
  }
  if (res.status === 400 && (res.body?.errors?.audio || res.body?.errors?.fileId) && uploads === 0) {
    return said(
      `${answered}: the song was checked before its file was uploaded, with no URL yet, so the schema refused it. ` +
        "Before uploading, check only the song's own fields: await song.validate(['title', 'artist', 'mood']). " +
        'The URL and the fileId come after, from await uploadFile(...).',
      `${answeredInHinglish}: song ko uski file upload hone se pehle check kiya gaya, jab uska URL tha hi nahi, isliye schema ` +
        "ne use refuse kar diya. Upload se pehle sirf song ke apne fields check kijiye: await song.validate(['title', " +
        "'artist', 'mood']). URL aur fileId baad mein aate hain, await uploadFile(...) se.",
    );
  }
  if (res.status === 400 && (res.body?.errors?.audio || res.body?.errors?.fileId)) {
    return aboutMistake(
      said(
        `${answered}: the song had no audio URL (or no fileId) yet when it was saved. uploadFile() gives back a ` +
          'Promise: await uploadFile(...), then put uploaded.url and uploaded.fileId in the song.',
        `${answeredInHinglish}: save hote waqt song ke paas abhi audio URL (ya fileId) nahi tha. uploadFile() ek Promise deta ` +
          'hai: await uploadFile(...) kijiye, phir uploaded.url aur uploaded.fileId song mein daaliye.',
      ),
      'uploadFile() without await',
    );
  }
  return said(
    `${answered} instead of 201 with the saved song.`,
    `${answeredInHinglish}, jabki saved song ke saath 201 aana chahiye tha.`,
  );
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

describe(said('GET / (the page)', 'GET / (page)'), () => {
  it(
    said(
      'serves the page: index.html, and the songs.js and style.css it loads',
      'page serve karta hai: index.html, aur woh songs.js aur style.css jo page load karta hai',
    ),
    async () => {
      const res = await send(request(app()).get('/'), 'GET /');
      expect(
        res.status,
        said(
          `GET / answered ${res.status} ${JSON.stringify(res.body)}: the page is not served. ` +
            'In app.ts, app.use(express.static(pageFolder)) serves the files of public/.',
          `GET / ka jawab ${res.status} ${JSON.stringify(res.body)} aaya: page serve nahi ho raha. ` +
            'app.ts mein app.use(express.static(pageFolder)) public/ ki files serve karta hai.',
        ),
      ).toBe(200);
      expect(
        res.type,
        said(
          'GET / should answer public/index.html, as HTML.',
          'GET / ka jawab public/index.html hona chahiye, HTML ke roop mein.',
        ),
      ).toBe('text/html');
      expect(
        res.text,
        said('GET / should answer public/index.html.', 'GET / ka jawab public/index.html hona chahiye.'),
      ).toContain('<form id="upload"');
      for (const [file, type] of [
        ['/songs.js', 'text/javascript'],
        ['/style.css', 'text/css'],
      ]) {
        const part = await send(request(app()).get(file), `GET ${file}`);
        expect(
          part.status,
          said(
            `GET ${file} answered ${part.status}: serve the whole public/ folder.`,
            `GET ${file} ka jawab ${part.status} aaya: poora public/ folder serve kijiye.`,
          ),
        ).toBe(200);
        expect(part.type).toBe(type);
      }
    },
  );
});

describe(inBoth('POST /api/songs'), () => {
  it(
    said(
      'uploads the file, saves the song with its URL and fileId, and answers 201 with it',
      'file upload karta hai, song ko uske URL aur fileId ke saath save karta hai, aur usi song ke saath 201 answer karta hai',
    ),
    async () => {
      const title = `Kesariya ${tag()}`;
      const wav = toneWav(0.25);
      const song = await uploadSong({ title, artist: 'Arijit Singh', mood: 'romantic' }, wav, 'kesariya.wav');
      expect(
        song?._id,
        said(
          'The answer has no song with an _id: answer 201 with { ok: true, song }.',
          'Jawab mein _id wala koi song nahi hai: { ok: true, song } ke saath 201 answer kijiye.',
        ),
      ).toBeTruthy();

      const saved = await songs().findOne({ _id: new mongoose.Types.ObjectId(String(song._id)) });
      expect(
        saved,
        said(
          'Right after the 201 the song is not in the database: await the save before answering.',
          '201 ke turant baad song database mein nahi hai: answer karne se pehle save ko await kijiye.',
        ),
      ).not.toBe(null);
      expect(saved).toMatchObject({ title, artist: 'Arijit Singh', mood: 'romantic' });
      expect(
        String(saved!.audio).startsWith(endpoint()),
        said(
          `The song's audio is ${JSON.stringify(saved!.audio)}, not a URL of the storage (${endpoint()}…): save uploaded.url.`,
          `Song ka audio ${JSON.stringify(saved!.audio)} hai, storage ka URL (${endpoint()}…) nahi: uploaded.url save kijiye.`,
        ),
      ).toBe(true);
      expect(
        typeof saved!.fileId === 'string' && saved!.fileId.length > 0,
        said(
          `The song's fileId is ${JSON.stringify(saved!.fileId)}: save uploaded.fileId, the id a delete needs later.`,
          `Song ka fileId ${JSON.stringify(saved!.fileId)} hai: uploaded.fileId save kijiye, baad mein delete ko yahi id chahiye.`,
        ),
      ).toBe(true);

      const served = await fetch(saved!.audio);
      expect(
        served.status,
        said(
          `The saved URL ${saved!.audio} answered ${served.status}.`,
          `Saved URL ${saved!.audio} ka jawab ${served.status} aaya.`,
        ),
      ).toBe(200);
      expect(
        served.headers.get('content-type'),
        said('The storage should serve the file as audio.', 'Storage ko file audio ke roop mein serve karni chahiye.'),
      ).toMatch(/^audio\//);
      expect(
        Buffer.from(await served.arrayBuffer()).equals(wav),
        said('The URL serves other bytes than the upload.', 'URL upload kiye gaye bytes se alag bytes de raha hai.'),
      ).toBe(true);
    },
  );

  it(
    said(
      'answers 400 naming the field "audio" when no file comes, and uploads nothing',
      'file na aaye toh field "audio" ka naam lekar 400 answer karta hai, aur kuch upload nahi karta',
    ),
    async () => {
      await storageSettled();
      const before = storage.uploadsReceived;
      const req = request(app()).post('/api/songs').field('title', `No file ${tag()}`).field('artist', 'Arijit Singh');
      const res = await send(req, 'POST /api/songs without a file', 'bina file wale POST /api/songs');
      await storageSettled();
      expect(
        res.status,
        said(
          `POST /api/songs without a file answered ${res.status} ${JSON.stringify(res.body)}.`,
          `Bina file wale POST /api/songs ka jawab ${res.status} ${JSON.stringify(res.body)} aaya.`,
        ),
      ).toBe(400);
      expect(
        res.body?.error,
        said(
          'The 400 should say which form field the file must come in: "audio" (with the quotes).',
          '400 ko batana chahiye ki file kis form field mein aani chahiye: "audio" (quotes ke saath).',
        ),
      ).toContain('"audio"');
      expect(
        storage.uploadsReceived - before,
        said('Nothing should be uploaded without a file.', 'Bina file ke kuch bhi upload nahi hona chahiye.'),
      ).toBe(0);
    },
  );

  it(
    said(
      'answers 400 naming the field "audio" when the file comes in another field',
      'file kisi doosre field mein aaye toh field "audio" ka naam lekar 400 answer karta hai',
    ),
    async () => {
      const res = await send(postSong({ title: 'Kesariya', artist: 'Arijit Singh' }, undefined, 'song'), 'POST');
      expect(
        res.status,
        said(
          `A file in the field "song" got ${res.status} ${JSON.stringify(res.body)} instead of 400.`,
          `Field "song" mein aayi file ko 400 ki jagah ${res.status} ${JSON.stringify(res.body)} mila.`,
        ),
      ).toBe(400);
      expect(
        res.body?.error,
        said(
          'The 400 should name the field the file must come in.',
          '400 mein us field ka naam hona chahiye jismein file aani chahiye.',
        ),
      ).toContain('"audio"');
    },
  );

  it(
    said(
      "answers 400 with the schema's messages for an invalid song, and leaves no file in storage",
      'invalid song ke liye schema ke messages ke saath 400 answer karta hai, aur storage mein koi file nahi chhodta',
    ),
    async () => {
      const title = `No artist ${tag()}`;
      await storageSettled();
      const before = filesInStorage();
      const res = await send(
        postSong({ title, mood: 'grumpy' }),
        'POST /api/songs with an invalid song',
        'invalid song wale POST /api/songs',
      );
      expect(
        res.status,
        said(
          `A song without an artist answered ${res.status} ${JSON.stringify(res.body)}, not 400.`,
          `Bina artist wale song ka jawab ${res.status} ${JSON.stringify(res.body)} aaya, 400 nahi.`,
        ),
      ).toBe(400);
      expect(
        res.body?.errors,
        said(
          "The 400 should carry the schema's message for each field.",
          '400 mein har field ke liye schema ka message hona chahiye.',
        ),
      ).toMatchObject({
        artist: 'A song needs an artist',
        mood: expect.any(String),
      });
      expect(
        await songs().countDocuments({ title }),
        said('An invalid song was saved.', 'Ek invalid song save ho gaya.'),
      ).toBe(0);
      await storageSettled();
      expect(
        filesInStorage() - before,
        aboutMistake(
          said(
            "The song was refused, rightly, but its file was uploaded anyway and is still in storage, where no song points to it. Check the song's fields before uploading, " +
              "and wait for that check: await song.validate(['title', 'artist', 'mood']) first (without await, the upload starts before the check has answered). " +
              '(Or delete the uploaded file when saving fails.)',
            'Song ka refuse hona sahi tha, lekin uski file phir bhi upload ho gayi aur abhi bhi storage mein padi hai, jahan koi ' +
              'song use point nahi karta. Upload se pehle song ke fields check kijiye, aur us check ka intezaar kijiye: pehle ' +
              "await song.validate(['title', 'artist', 'mood']) (bina await ke upload check ka jawab aane se pehle hi shuru " +
              'ho jaata hai). (Ya save fail hone par upload ki hui file delete kar dijiye.)',
          ),
          'Uploading before checking',
        ),
      ).toBe(0);
    },
  );

  it(
    said(
      "answers 502 with the storage's message when the upload fails, and saves nothing",
      'upload fail hone par storage ke message ke saath 502 answer karta hai, aur kuch save nahi karta',
    ),
    async (context) => {
      if (!local()) context.skip(onlyLocalStorageRefuses);
      const title = `Failing ${tag()}`;
      lesson.storage.faults.failNext(1, plannedRefusal(500));
      const res = await send(
        postSong({ title, artist: 'Arijit Singh' }),
        'POST /api/songs with a failing upload',
        'fail hone wale upload ke saath POST /api/songs',
      );
      lesson.storage.faults.reset();
      const answered = `A failed upload answered ${res.status} ${JSON.stringify(res.body)}, not 502`;
      const answeredInHinglish = `Fail hue upload ka jawab ${res.status} ${JSON.stringify(res.body)} aaya, 502 nahi`;
      expect(
        res.status,
        res.status === 500 || res.status === 201
          ? said(
              `${answered}. Let the storage's error reach the app's error handler, which answers 502 with its message: ` +
                'await uploadFile(...) with no try/catch around it (or throw the error again in your catch).',
              `${answeredInHinglish}. Storage ke error ko app ke error handler tak pahunchne dijiye, jo uske message ke saath 502 ` +
                'answer karta hai: await uploadFile(...) ke around koi try/catch mat lagaiye (ya apne catch mein error ' +
                'ko dobara throw kijiye).',
            )
          : said(`${answered}.`, `${answeredInHinglish}.`),
      ).toBe(502);
      expect(
        res.body?.error,
        said("The 502 should carry the storage's own message.", '502 mein storage ka apna message hona chahiye.'),
      ).toContain(plannedRefusal(500).message);
      expect(
        await songs().countDocuments({ title }),
        said('The upload failed, yet a song was saved.', 'Upload fail ho gaya, phir bhi ek song save ho gaya.'),
      ).toBe(0);
    },
  );

  it(
    said(
      'answers 400 for a file that is no audio, whatever its name, and uploads and saves nothing',
      'jo file audio nahi hai uske liye 400 answer karta hai, naam chahe kuch bhi ho, aur na kuch upload karta hai na save',
    ),
    async () => {
      const title = `Shopping list ${tag()}`;
      await storageSettled();
      const before = storage.uploadsReceived;
      const notes = Buffer.from('milk\neggs\nbread\n');
      const res = await send(postSong({ title, artist: 'Me' }, notes, 'audio', 'shopping-list.mp3'), 'POST');
      await storageSettled();
      const answered = `A text file named shopping-list.mp3 answered ${res.status} ${JSON.stringify(res.body)}`;
      const answeredInHinglish = `shopping-list.mp3 naam ki text file ka jawab ${res.status} ${JSON.stringify(res.body)} aaya`;
      expect(
        res.status,
        said(
          `${answered}, not 400. A file's name is only what the sender says: look at its first bytes, ` +
            'with audioTypeOf(req.file.buffer) from audio-type.ts, and answer 400 when it is no audio, before uploading.',
          `${answeredInHinglish}, 400 nahi. File ka naam sirf bhejne wale ka daava hai: uske pehle bytes dekhiye, audio-type.ts ` +
            'ke audioTypeOf(req.file.buffer) se, aur agar woh audio nahi hai toh upload se pehle hi 400 answer kijiye.',
        ),
      ).toBe(400);
      expect(
        typeof res.body?.error,
        said(
          `${answered}: the 400 should say in its error that the file is no audio.`,
          `${answeredInHinglish}: 400 ke error mein likha hona chahiye ki file audio nahi hai.`,
        ),
      ).toBe('string');
      expect(
        storage.uploadsReceived - before,
        said(
          'A file that is no audio was uploaded to storage anyway.',
          'Jo file audio nahi hai, woh phir bhi storage mein upload ho gayi.',
        ),
      ).toBe(0);
      expect(
        await songs().countDocuments({ title }),
        said(
          'A file that is no audio was saved as a song.',
          'Jo file audio nahi hai, woh song ke roop mein save ho gayi.',
        ),
      ).toBe(0);
    },
  );
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

describe(inBoth('GET /api/songs'), () => {
  it(
    said(
      'lists every song, newest first, when no mood is asked',
      'koi mood na maanga jaaye toh har song list karta hai, sabse naya pehle',
    ),
    async () => {
      await threeSongs();
      const res = await send(request(app()).get('/api/songs'), 'GET /api/songs');
      expect(
        res.status,
        said(
          `GET /api/songs answered ${res.status} ${JSON.stringify(res.body)}.`,
          `GET /api/songs ka jawab ${res.status} ${JSON.stringify(res.body)} aaya.`,
        ),
      ).toBe(200);
      const titles = titlesOf(res);
      expect(
        titles.length,
        aboutMistake(
          said(
            `GET /api/songs listed ${titles.length} songs, and 3 are saved. Without ?mood= in the URL, req.query.mood ` +
              'is undefined, and Song.find({ mood: undefined }) looks for songs without a mood: there are none. Filter ' +
              'only when a mood is asked: const filter = mood ? { mood } : {};',
            `GET /api/songs ne ${titles.length} ${titles.length === 1 ? 'song list kiya' : 'songs list kiye'}, jabki 3 saved hain. URL mein ?mood= na ho toh ` +
              'req.query.mood undefined hota hai, aur Song.find({ mood: undefined }) bina mood wale songs dhoondhta ' +
              'hai: aisa koi song hai hi nahi. Filter tabhi kijiye jab mood maanga jaaye: const filter = mood ? { mood } : {};',
          ),
          'Song.find({ mood: req.query.mood })',
        ),
      ).toBe(3);
      expect(
        titles,
        said(
          'Newest first: sort the songs with .sort({ createdAt: -1 }).',
          'Sabse naya pehle: songs ko .sort({ createdAt: -1 }) se sort kijiye.',
        ),
      ).toEqual(['Channa Mereya', 'Ilahi', 'Tum Hi Ho']);
    },
  );

  it(
    said(
      'lists only the songs of the mood asked, with ?mood=sad',
      '?mood=sad ke saath sirf maange gaye mood ke songs list karta hai',
    ),
    async () => {
      await threeSongs();
      const res = await send(request(app()).get('/api/songs?mood=sad'), 'GET /api/songs?mood=sad');
      expect(
        res.status,
        said(
          `GET /api/songs?mood=sad answered ${res.status} ${JSON.stringify(res.body)}.`,
          `GET /api/songs?mood=sad ka jawab ${res.status} ${JSON.stringify(res.body)} aaya.`,
        ),
      ).toBe(200);
      expect(
        titlesOf(res),
        said(
          'Only the two sad songs, newest first: find the songs whose mood is req.query.mood.',
          'Sirf do sad songs, sabse naya pehle: woh songs dhoondhiye jinka mood req.query.mood hai.',
        ),
      ).toEqual(['Channa Mereya', 'Tum Hi Ho']);
    },
  );
});

describe(inBoth('GET /api/songs/:id'), () => {
  it(
    said(
      'answers the song; 404 for an id no song has, 400 for a malformed id',
      'song answer karta hai; jis id ka koi song nahi uske liye 404, galat format wali id ke liye 400',
    ),
    async () => {
      const [first] = await threeSongs();
      const found = await send(request(app()).get(`/api/songs/${first._id}`), 'GET /api/songs/:id');
      expect(
        found.status,
        said(
          `GET /api/songs/${first._id} answered ${found.status} ${JSON.stringify(found.body)}.`,
          `GET /api/songs/${first._id} ka jawab ${found.status} ${JSON.stringify(found.body)} aaya.`,
        ),
      ).toBe(200);
      expect(
        found.body?.song?.title,
        said('The answer should be { ok: true, song }.', 'Jawab { ok: true, song } hona chahiye.'),
      ).toBe(first.title);
      const missing = await send(request(app()).get(`/api/songs/${'0'.repeat(24)}`), 'GET /api/songs/:id');
      expect(
        missing.status,
        said('An id no song has should answer 404.', 'Jis id ka koi song nahi hai, uska jawab 404 hona chahiye.'),
      ).toBe(404);
      const malformed = await send(request(app()).get('/api/songs/not-an-id'), 'GET /api/songs/not-an-id');
      expect(
        malformed.status,
        said(
          'A malformed id should answer 400 (check it with mongoose.isObjectIdOrHexString).',
          'Galat format wali id ka jawab 400 hona chahiye (use mongoose.isObjectIdOrHexString se check kijiye).',
        ),
      ).toBe(400);
    },
  );
});

const DELETE_NEVER_SETTLED = aboutMistake(
  said(
    "Your deleteFile() promise never settled, though the storage had answered: call resolve() in the SDK's " +
      'callback when there is no error, and reject(error) when there is one. Until then, await deleteFile() waits forever.',
    'Storage jawab de chuka tha, phir bhi aapka deleteFile() promise kabhi settle nahi hua: SDK ke callback mein ' +
      'error na ho toh resolve() call kijiye, aur error ho toh reject(error). Tab tak await deleteFile() hamesha ' +
      'wait karta rahega.',
  ),
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
      said(
        `deleteFile() gave back ${String(returned)}, not a Promise: return new Promise((resolve, reject) => { … }), ` +
          'and settle it inside the callback of imagekit.deleteFile(fileId, (error) => { … }).',
        `deleteFile() ne ${String(returned)} diya, Promise nahi: return new Promise((resolve, reject) => { … }) ` +
          'likhiye, aur use imagekit.deleteFile(fileId, (error) => { … }) ke callback ke andar settle kijiye.',
      ),
    );
  }
  return Promise.resolve(returned);
}

describe(inBoth('deleteFile(fileId)'), () => {
  it(
    said(
      'resolves once the storage has removed the file: its URL answers 404 afterwards',
      'storage se file hat jaane ke baad resolve hota hai: uske baad file ka URL 404 answer karta hai',
    ),
    async () => {
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
        said(
          `This delete should succeed, and your deleteFile() ${outcome}. Call imagekit.deleteFile(fileId, …) in a new ` +
            'Promise: resolve() in its callback, and reject(error) only when the callback gets an error.',
          `Yeh delete successful hona chahiye, lekin aapka deleteFile() ${outcome.replace(/^rejected with /, '')} ke ` +
            'saath reject ho gaya. imagekit.deleteFile(fileId, …) ko ek naye Promise mein call kijiye: uske callback ' +
            'mein resolve(), aur reject(error) sirf tab jab callback ko error mile.',
        ),
      ).toBe('resolved');
      if (local())
        expect(
          (await fetch(url)).status,
          said(
            `${url} still serves the file after deleteFile().`,
            `deleteFile() ke baad bhi ${url} file serve kar raha hai.`,
          ),
        ).toBe(404);
    },
  );

  it(
    said(
      "rejects with the storage's error for a fileId it does not know",
      'jis fileId ko storage nahi jaanta, uske liye storage ke error ke saath reject hota hai',
    ),
    async () => {
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
        said(
          "This delete fails: your promise should reject with the error the SDK's callback gets, reject(error).",
          'Yeh delete fail hota hai: aapka promise usi error ke saath reject hona chahiye jo SDK ke callback ko milta ' +
            'hai, reject(error).',
        ),
      ).toBe('The requested file does not exist.');
    },
  );
});

describe(inBoth('DELETE /api/songs/:id'), () => {
  it(
    said(
      'deletes the song and its file: gone from the database, and its URL answers 404',
      'song aur uski file dono delete karta hai: database se hat jaata hai, aur uska URL 404 answer karta hai',
    ),
    async () => {
      const song = await uploadSong({ title: `Agar Tum Saath Ho ${tag()}`, artist: 'Arijit Singh', mood: 'sad' });
      const res = await send(request(app()).delete(`/api/songs/${song._id}`), 'DELETE /api/songs/:id');
      expect(
        res.status,
        said(
          `DELETE /api/songs/${song._id} answered ${res.status} ${JSON.stringify(res.body)}.`,
          `DELETE /api/songs/${song._id} ka jawab ${res.status} ${JSON.stringify(res.body)} aaya.`,
        ),
      ).toBe(200);
      expect(
        res.body?.song?.title,
        said(
          'Answer { ok: true, song } with the song you deleted.',
          'Delete kiye gaye song ke saath { ok: true, song } answer kijiye.',
        ),
      ).toBe(song.title);
      expect(
        await songs().countDocuments({ _id: new mongoose.Types.ObjectId(song._id) }),
        said('The song is still in the database.', 'Song abhi bhi database mein hai.'),
      ).toBe(0);
      if (!local()) return; // a real CDN may keep serving a deleted file for a while
      const after = await fetch(song.audio);
      expect(
        after.status,
        aboutMistake(
          said(
            `The song is gone, but its file is still in storage: ${song.audio} still answers ${after.status}, and ` +
              'nothing points to it any more. Delete the file too, before the song: await deleteFile(song.fileId).',
            `Song chala gaya, lekin uski file abhi bhi storage mein hai: ${song.audio} abhi bhi ${after.status} answer ` +
              'karta hai, aur ab koi use point nahi karta. Song se pehle file bhi delete kijiye: await deleteFile(song.fileId).',
          ),
          'Deleting only the song',
        ),
      ).toBe(404);
    },
  );

  it(
    said(
      'answers 404 for an id no song has, and 400 for a malformed id',
      'jis id ka koi song nahi uske liye 404, aur galat format wali id ke liye 400 answer karta hai',
    ),
    async () => {
      const missing = await send(request(app()).delete(`/api/songs/${'0'.repeat(24)}`), 'DELETE /api/songs/:id');
      expect(
        missing.status,
        said(
          `An id no song has answered ${missing.status} ${JSON.stringify(missing.body)}.`,
          `Jis id ka koi song nahi hai, uska jawab ${missing.status} ${JSON.stringify(missing.body)} aaya.`,
        ),
      ).toBe(404);
      const malformed = await send(request(app()).delete('/api/songs/not-an-id'), 'DELETE /api/songs/not-an-id');
      expect(
        malformed.status,
        said(
          `A malformed id answered ${malformed.status}, not 400.`,
          `Galat format wali id ka jawab ${malformed.status} aaya, 400 nahi.`,
        ),
      ).toBe(400);
    },
  );
});

/** The few members of an <audio> element the test reads (this project's types know no DOM). */
interface AudioInPage {
  readyState: number;
  duration: number;
  error: { code: number } | null;
  addEventListener(type: 'loadedmetadata' | 'error', listener: () => void): void;
}

describe(said('the page, in a browser', 'page, browser mein'), () => {
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
      skipReason = said(
        'the browser checks run once every check above passes: the page calls the same API',
        'browser checks tabhi chalte hain jab upar ke saare checks pass ho jaayein: page wahi API call karta hai',
      );
      return;
    }
    try {
      launched = await launchBrowser();
    } catch (error) {
      const { message, hinglish } = error as NoBrowser;
      skipReason = said(message, hinglish);
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
  const durationOf = async (player: Locator): Promise<number> => {
    const read = await player.evaluate(
      (element: AudioInPage) =>
        new Promise<{ duration?: number; failedCode?: number }>((resolve) => {
          if (element.readyState >= 1) resolve({ duration: element.duration }); // 1 is HAVE_METADATA
          element.addEventListener('loadedmetadata', () => resolve({ duration: element.duration }));
          element.addEventListener('error', () => resolve({ failedCode: element.error?.code }));
        }),
    );
    // Said here, not in the page: the page knows nothing of said().
    if (read.duration === undefined)
      throw new Error(
        said(`the audio failed, code ${read.failedCode}`, `audio nahi chal paaya, code ${read.failedCode}`),
      );
    return read.duration;
  };

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
      // Each half of the explanation gets its own language's lead; the page's own words stay as it shows them.
      throw new NeverSettled(
        says ? `${explanation}${said(` The page says: "${says}"`, ` Page par likha hai: "${says}"`)}` : explanation,
      );
    }
  }

  it(
    said(
      'lists the songs, and uploads a new one through the form: it shows at the top of the list',
      'songs list karta hai, aur form se naya song upload karta hai: woh list mein sabse upar dikhta hai',
    ),
    async (context) => {
      if (skipReason) context.skip(skipReason);
      await inPage(
        item('Kesariya').waitFor(),
        said('The page never listed the songs.', 'Page ne songs kabhi list hi nahi kiye.'),
      );
      await page.fill('input[name="title"]', formSong.title);
      await page.fill('input[name="artist"]', formSong.artist);
      await page.selectOption('select[name="mood"]', formSong.mood);
      await page.setInputFiles('input[name="audio"]', {
        name: 'ilahi.wav',
        mimeType: 'audio/wav',
        buffer: toneWav(formSong.seconds, 392),
      });
      await page.click('button[type="submit"]');
      await inPage(
        item(formSong.title).waitFor(),
        said('The uploaded song never showed in the list.', 'Upload kiya gaya song list mein kabhi dikha hi nahi.'),
      );
      expect(
        await page.locator('#songs li strong').allTextContents(),
        said('Newest first: the new song on top.', 'Sabse naya pehle: naya song sabse upar.'),
      ).toEqual(['Ilahi', 'Kesariya', 'Tum Hi Ho']);
      const saved = await songs().findOne({ title: formSong.title });
      expect(
        saved,
        said(
          'The song uploaded through the form is not in the database.',
          'Form se upload kiya gaya song database mein nahi hai.',
        ),
      ).not.toBe(null);
      formSongUrl = saved!.audio;
    },
  );

  it(
    said(
      "plays from storage: each <audio> loads its file's metadata, with the right duration",
      'storage se play karta hai: har <audio> apni file ka metadata load karta hai, sahi duration ke saath',
    ),
    async (context) => {
      if (skipReason) context.skip(skipReason);
      const audio = item(formSong.title).locator('audio');
      expect(
        await audio.getAttribute('src'),
        said(
          'The player should play the URL the storage gave.',
          'Player ko wahi URL play karna chahiye jo storage ne diya.',
        ),
      ).toBe(formSongUrl);
      const durations: number[] = [];
      for (const player of await page.locator('#songs audio').all())
        durations.push(
          await inPage(
            durationOf(player),
            said(
              'An <audio> never loaded its metadata from the storage URL.',
              'Ek <audio> ne storage URL se apna metadata kabhi load nahi kiya.',
            ),
          ),
        );
      // The browser read each WAV's header from storage, with the right content type: its duration is the one uploaded.
      const uploaded = [formSong, ...seeded.toReversed()].map((song) => song.seconds);
      for (const [i, duration] of durations.entries())
        expect(
          duration,
          said('A player shows another duration.', 'Ek player alag duration dikha raha hai.'),
        ).toBeCloseTo(uploaded[i], 2);
      if (local())
        expect(
          storage.rangesServed,
          said(
            'The players fetched their files in byte ranges (206).',
            'Players ko apni files byte ranges (206) mein fetch karni chahiye thi.',
          ),
        ).toBeGreaterThan(0);
      // Every player ready: the picture the README shows (PLAYGROUND_SCREENSHOT names its file).
      const screenshot = process.env.PLAYGROUND_SCREENSHOT;
      if (screenshot) {
        await mkdir(path.dirname(path.resolve(screenshot)), { recursive: true });
        await page.screenshot({ path: path.resolve(screenshot), fullPage: true });
      }
    },
  );

  it(
    said(
      'filters by mood: "sad" shows only the sad song, "all" every song again',
      'mood se filter karta hai: "sad" sirf sad song dikhata hai, "all" phir se saare songs',
    ),
    async (context) => {
      if (skipReason) context.skip(skipReason);
      await page.click('#moods button[data-mood="sad"]');
      await inPage(
        item('Kesariya').waitFor({ state: 'detached' }),
        said('The list never left out the other moods.', 'List ne doosre moods ke songs kabhi hataaye hi nahi.'),
      );
      expect(await page.locator('#songs li strong').allTextContents()).toEqual(['Tum Hi Ho']);
      await page.click('#moods button[data-mood=""]');
      await inPage(
        item('Kesariya').waitFor(),
        said('"all" never showed every song again.', '"all" ne saare songs phir se kabhi nahi dikhaye.'),
      );
      expect(await page.locator('#songs li').count()).toBe(3);
    },
  );

  it(
    said(
      'deletes a song: it leaves the list, the database and the storage',
      'song delete karta hai: woh list, database aur storage teeno se hat jaata hai',
    ),
    async (context) => {
      if (skipReason) context.skip(skipReason);
      await page.click(`button[aria-label="Delete ${formSong.title}"]`);
      await inPage(
        item(formSong.title).waitFor({ state: 'detached' }),
        said('The deleted song never left the list.', 'Delete kiya gaya song list se kabhi hata hi nahi.'),
      );
      expect(await page.locator('#songs li').count()).toBe(2);
      expect(
        await songs().countDocuments({ title: formSong.title }),
        said('The song is still in the database.', 'Song abhi bhi database mein hai.'),
      ).toBe(0);
      if (local())
        expect(
          (await fetch(formSongUrl)).status,
          said('Its file is still in storage.', 'Uski file abhi bhi storage mein hai.'),
        ).toBe(404);
      // The page (given) says what happened, and keeps the keyboard's place: the next song's delete button.
      expect(await page.locator('#list-status').textContent()).toContain(`Deleted "${formSong.title}".`);
      expect(await page.locator(':focus').getAttribute('aria-label')).toBe('Delete Kesariya');
    },
  );

  it(
    said(
      'fits a phone: at 375 and 320 px wide nothing needs scrolling sideways',
      'phone par fit hota hai: 375 aur 320 px width par kuch bhi side mein scroll nahi karna padta',
    ),
    async (context) => {
      if (skipReason) context.skip(skipReason);
      for (const width of [375, 320]) {
        await page.setViewportSize({ width, height: 667 });
        const wide = await page.locator('html').evaluate((html: { scrollWidth: number }) => html.scrollWidth);
        expect(
          wide,
          said(`At ${width} px the page is ${wide} px wide.`, `${width} px par page ${wide} px chauda hai.`),
        ).toBeLessThanOrEqual(width);
      }
    },
  );
});
