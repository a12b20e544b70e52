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
import { inBoth, named, said, type Twice } from './support/said.ts';

const storagesOwnMessage = said(
  "The 502 answer should carry the storage's own message.",
  '502 answer mein storage ka apna message hona chahiye.',
);

const lesson = useLesson<Exercise>('06-await-pitfalls');
const songs = () => mongoose.connection.collection('songs');
const app = () => createApp(lesson.exercise);
const local = () => lesson.storage.kind === 'local';

/** A part of a sentence in both languages, to be joined into a whole one. */
const postSongs = named('POST /api/songs');
const postBatchRequest = named('POST /api/songs/batch');
const withFailingUpload = (call: string): Twice => ({
  english: `${call} with a failing upload`,
  hinglish: `Fail hone wale upload ke saath ${call}`,
});
const withoutArtist = (call: string): Twice => ({
  english: `${call} without an artist`,
  hinglish: `Bina artist ke ${call}`,
});

/** Says in both languages that a request got another answer than the `wanted` status. */
const answeredInstead = (call: string, res: request.Response, wanted: number) =>
  said(
    `${call} answered ${res.status} ${JSON.stringify(res.body)} instead of ${wanted}.`,
    `${call} ne ${wanted} ki jagah ${res.status} ${JSON.stringify(res.body)} answer kiya.`,
  );

/** A short random word, so each test finds its own songs even if a late save from another test lands. */
const tag = () => randomBytes(4).toString('hex');

/** Pretend audio: random bytes, different for every file. */
const audio = () => randomBytes(2048);

/** Sends a supertest request; an app that never answers gets a plain explanation instead of a timeout. */
function send(test: request.Test, what: Twice): Promise<request.Response> {
  return settleWithin(
    Promise.resolve(test),
    5000,
    said(
      `${what.english} got no answer at all. Does every path of the route end with res.json(...)? ` +
        'A .then() without .catch(), or an error nobody catches, leaves the request hanging.',
      `${what.hinglish} ko koi answer hi nahi mila. Kya route ka har raasta res.json(...) pe khatam hota hai? ` +
        '.catch() ke bina .then(), ya aisa error jise koi catch nahi karta, request ko latka deta hai.',
    ),
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
      said('An upload to the storage never finished.', 'Storage pe ek upload kabhi poora nahi hua.'),
    );
  }
  // Let the SDK's callback run, and any promise it rejects be reported.
  for (let i = 0; i < 3; i++) await new Promise((next) => setImmediate(next));
}

// --- Errors that escape: a rejected promise nobody awaited. In a real server, the process dies. ---
const escaped: unknown[] = [];
const onUnhandled = (reason: unknown) => void escaped.push(reason);
function expectNothingEscaped(before: number, what: Twice): void {
  const reason = escaped[before] as { message?: string } | undefined;
  const message = reason?.message ?? String(reason);
  expect(
    escaped.length - before,
    said(
      `${what.english}: an error escaped as an unhandled rejection ("${message}"). ` +
        'A promise failed and nobody was waiting for it: a missing await, or an async callback inside forEach. ' +
        'Outside the tests, Node stops the whole server on such an error.',
      `${what.hinglish}: ek error unhandled rejection bankar escape ho gaya ("${message}"). ` +
        'Ek promise fail hua aur koi uska wait nahi kar raha tha: kahin await missing hai, ya forEach ke andar async callback hai. ' +
        'Tests ke bahar, aise error pe Node poora server band kar deta hai.',
    ),
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
function whyNotAnError(res: request.Response, wanted: number): Twice {
  const body = JSON.stringify(res.body);
  if (res.status === 201 && Array.isArray(res.body?.songs) && res.body.songs.length === 0) {
    return {
      english:
        `It answered 201 ${body} although the saves failed: saveSongs() returned its empty list before any save ran. ` +
        'forEach does not wait for an async callback: use map() and await Promise.all(...).',
      hinglish:
        `Saves fail hone ke baad bhi usne 201 ${body} answer kiya: koi bhi save chalne se pehle hi saveSongs() ne apni khaali list return kar di. ` +
        'forEach async callback ka wait nahi karta: map() aur await Promise.all(...) use kijiye.',
    };
  }
  if (res.status === 201) {
    return {
      english:
        `It answered 201 ${body} although the save failed: the route answered before the work was done. ` +
        'Did you forget to await saveSong(...) / saveSongs(...)?',
      hinglish:
        `Save fail hone ke baad bhi usne 201 ${body} answer kiya: kaam poora hone se pehle hi route ne answer de diya. ` +
        'Kya aap saveSong(...) / saveSongs(...) ko await karna bhool gaye?',
    };
  }
  if (res.status === 500) {
    return {
      english:
        "No try/catch in the route caught the error, so only the app's last-resort handler saw it and answered a vague 500. " +
        `Put the awaits inside try { } and call sendSongError(res, error) in catch { } to answer ${wanted}. ` +
        "Already there? Then your catch itself failed: is sendSongError imported from './send-song-error.ts'? " +
        `(It answered ${body}.)`,
      hinglish:
        'Route mein kisi try/catch ne error nahi pakda, isliye sirf app ke aakhri error handler ne use dekha aur ek gol-mol 500 answer kiya. ' +
        `${wanted} answer karne ke liye awaits ko try { } ke andar rakhiye aur catch { } mein sendSongError(res, error) call kijiye. ` +
        "Yeh pehle se hai? Toh aapka catch khud fail hua: kya sendSongError './send-song-error.ts' se import kiya gaya hai? " +
        `(Usne ${body} answer kiya.)`,
    };
  }
  return {
    english: `It answered ${res.status} ${body} instead of ${wanted}.`,
    hinglish: `Usne ${wanted} ki jagah ${res.status} ${body} answer kiya.`,
  };
}

/** Fails unless `res` answered `wanted`, saying first what must happen (`must`) and then why it did not. */
function expectErrorAnswer(res: request.Response, wanted: number, must: Twice): void {
  const why = whyNotAnError(res, wanted);
  expect(res.status, said(`${must.english} ${why.english}`, `${must.hinglish} ${why.hinglish}`)).toBe(wanted);
}

describe(inBoth('POST /api/songs'), () => {
  it(
    said(
      'answers 201 only once the song is saved: the answer has its _id and the database has the song',
      'song save hone ke baad hi 201 answer karta hai: answer mein uski _id hai aur database mein song hai',
    ),
    async () => {
      const title = `Kesariya ${tag()}`;
      const res = await send(postSong({ title, artist: 'Arijit Singh', mood: 'romantic' }), postSongs);
      expect(res.status, answeredInstead('POST /api/songs', res, 201)).toBe(201);
      const id = res.body?.song?._id;
      expect(
        id,
        aboutMistake(
          said(
            `The answer ${JSON.stringify(res.body)} has no song._id: the route answered before the song was saved, and ` +
              'res.json() turned a Promise into {}. Did you forget to await saveSong(...)?',
            `Answer ${JSON.stringify(res.body)} mein song._id nahi hai: song save hone se pehle hi route ne answer de diya, aur ` +
              'res.json() ne Promise ko {} bana diya. Kya aap saveSong(...) ko await karna bhool gaye?',
          ),
          'const song = saveSong(...)',
        ),
      ).toBeTruthy();
      const saved = await songs().findOne({ _id: new mongoose.Types.ObjectId(String(id)) });
      expect(
        saved,
        said(
          'Right after the 201 the song is not in the database yet: did you await the save before answering?',
          '201 ke turant baad bhi song database mein nahi hai: kya aapne answer dene se pehle save ko await kiya?',
        ),
      ).not.toBeNull();
      expect(saved!.title).toBe(title);
      expect(saved!.mood).toBe('romantic');
    },
  );

  it(
    said(
      'saves the URL the storage gave back (a real string), and that URL serves the uploaded bytes',
      'storage ka diya hua URL save karta hai (ek asli string), aur woh URL upload kiye gaye bytes deta hai',
    ),
    async () => {
      const title = `Tum Hi Ho ${tag()}`;
      const file = audio();
      const res = await send(postSong({ title, artist: 'Arijit Singh' }, file), postSongs);
      expect(res.status, answeredInstead('POST /api/songs', res, 201)).toBe(201);
      const saved = await songs().findOne({ title });
      expect(
        saved,
        said(
          `No song titled "${title}" is in the database right after the 201: did you await saveSong(...) before answering?`,
          `201 ke turant baad database mein "${title}" title wala koi song nahi hai: kya aapne answer dene se pehle saveSong(...) ko await kiya?`,
        ),
      ).not.toBeNull();
      const endpoint = lesson.storage.options.urlEndpoint;
      const stored = JSON.stringify(saved!.audio);
      expect(
        typeof saved!.audio,
        said(
          `The song's audio is ${stored}, not a URL string: it was saved with the Promise, not the upload. ` +
            'await uploadFile(...) and save uploaded.url.',
          `Song ka audio ${stored} hai, URL string nahi: woh upload ke result ki jagah Promise ke saath save hua. ` +
            'uploadFile(...) ko await kijiye aur uploaded.url save kijiye.',
        ),
      ).toBe('string');
      expect(
        saved!.audio.startsWith(endpoint),
        said(
          `The song's audio "${saved!.audio}" is not a URL from the storage (${endpoint}…): save uploaded.url.`,
          `Song ka audio "${saved!.audio}" storage ka URL (${endpoint}…) nahi hai: uploaded.url save kijiye.`,
        ),
      ).toBe(true);
      const download = await fetch(saved!.audio);
      expect(
        download.status,
        said(
          `Opening the saved URL answered ${download.status}: save the url the storage gave back.`,
          `Saved URL kholne pe ${download.status} answer aaya: storage ne jo url diya, wahi save kijiye.`,
        ),
      ).toBe(200);
      expect(
        Buffer.from(await download.arrayBuffer()).equals(file),
        said(
          'The saved URL serves other bytes than the ones uploaded.',
          'Saved URL upload kiye gaye bytes ki jagah koi aur bytes deta hai.',
        ),
      ).toBe(true);
    },
  );

  it(
    said(
      "answers 502 with the storage's message when the upload fails, saves nothing, and keeps running",
      'upload fail hone pe storage ke message ke saath 502 answer karta hai, kuch save nahi karta, aur chalta rehta hai',
    ),
    async (ctx) => {
      if (!local()) ctx.skip(); // only the local storage can be told to fail
      const title = `Failing ${tag()}`;
      const before = escaped.length;
      lesson.storage.faults.failNext(1, plannedRefusal(500));
      const res = await send(postSong({ title, artist: 'Arijit Singh' }), withFailingUpload('POST /api/songs'));
      await uploadsFinished();
      expectErrorAnswer(res, 502, {
        english: 'A failed upload must answer 502.',
        hinglish: 'Upload fail ho toh 502 answer aana chahiye.',
      });
      expect(res.type, said('The error answer must be JSON.', 'Error answer JSON hona chahiye.')).toBe(
        'application/json',
      );
      expect(res.body.error, storagesOwnMessage).toContain(plannedRefusal(500).message);
      expect(
        await songs().countDocuments({ title }),
        said('The upload failed, yet a song was saved.', 'Upload fail hua, phir bhi ek song save ho gaya.'),
      ).toBe(0);
      expectNothingEscaped(before, withFailingUpload('POST /api/songs'));
    },
  );

  it(
    said(
      "answers 400 with the schema's message when the song is not valid",
      'song valid na ho toh schema ke message ke saath 400 answer karta hai',
    ),
    async () => {
      const title = `No artist ${tag()}`;
      const before = escaped.length;
      const res = await send(postSong({ title }), withoutArtist('POST /api/songs'));
      await uploadsFinished();
      expectErrorAnswer(res, 400, {
        english: 'A song without an artist must answer 400.',
        hinglish: 'Bina artist wale song pe 400 answer aana chahiye.',
      });
      expect(
        res.body.errors?.artist,
        said(
          'The 400 answer should say what is wrong with artist.',
          '400 answer ko batana chahiye ki artist mein kya galat hai.',
        ),
      ).toBe('A song needs an artist');
      expect(
        await songs().countDocuments({ title }),
        said('An invalid song was saved.', 'Ek invalid song save ho gaya.'),
      ).toBe(0);
      expectNothingEscaped(before, withoutArtist('POST /api/songs'));
    },
  );

  const namesTheField = said(
    'The message should name the field the file must come in.',
    'Message mein us field ka naam hona chahiye jismein file aani chahiye.',
  );

  it(
    said(
      'answers 400 naming the "audio" field when no file is sent',
      'file na bheji jaaye toh "audio" field ka naam lekar 400 answer karta hai',
    ),
    async () => {
      const req = request(app()).post('/api/songs').field('title', 'Kesariya').field('artist', 'Arijit Singh');
      const res = await send(req, {
        english: 'POST /api/songs without a file',
        hinglish: 'Bina file ke POST /api/songs',
      });
      expect(
        res.status,
        said(
          `POST /api/songs without a file answered ${res.status} instead of 400.`,
          `Bina file ke POST /api/songs ne 400 ki jagah ${res.status} answer kiya.`,
        ),
      ).toBe(400);
      expect(res.body.error, namesTheField).toContain('"audio"');
    },
  );

  it(
    said(
      'answers 400 naming the "audio" field when the file comes in another field',
      'file kisi aur field mein aaye toh "audio" field ka naam lekar 400 answer karta hai',
    ),
    async () => {
      const res = await send(postSong({ title: 'Kesariya', artist: 'Arijit Singh' }, audio(), 'song'), postSongs);
      expect(
        res.status,
        said(
          `A file in the field "song" answered ${res.status} instead of 400.`,
          `"song" field mein aayi file ne 400 ki jagah ${res.status} answer kiya.`,
        ),
      ).toBe(400);
      expect(res.body.error, namesTheField).toContain('"audio"');
    },
  );
});

describe(inBoth('GET /api/songs'), () => {
  it(said('lists the songs that were uploaded', 'upload kiye gaye songs list karta hai'), async () => {
    const artist = `Band ${tag()}`;
    for (const title of ['Kesariya', 'Ilahi']) {
      const res = await send(postSong({ title, artist }), postSongs);
      expect(res.status, answeredInstead('POST /api/songs', res, 201)).toBe(201);
    }
    const res = await send(request(app()).get('/api/songs'), named('GET /api/songs'));
    expect(res.status).toBe(200);
    const titles = (res.body.songs ?? [])
      .filter((song: { artist?: string }) => song.artist === artist)
      .map((song: { title: string }) => song.title);
    expect(
      titles.sort(),
      said(
        'GET /api/songs should list both songs just uploaded: was each saved before its 201?',
        'GET /api/songs ko abhi upload kiye gaye dono songs list karne chahiye: kya har song apne 201 se pehle save hua tha?',
      ),
    ).toEqual(['Ilahi', 'Kesariya']);
  });
});

describe(inBoth('POST /api/songs/batch'), () => {
  /** POST /api/songs/batch with the files in the "audio" field, all sharing one artist. */
  function postBatch(files: { name: string; bytes: Buffer }[], artist: string): request.Test {
    let req = request(app()).post('/api/songs/batch').field('artist', artist).field('mood', 'happy');
    for (const file of files) req = req.attach('audio', file.bytes, file.name);
    return req;
  }
  const threeFiles = () =>
    ['kesariya', 'ilahi', 'agar-tum-saath-ho'].map((name) => ({ name: `${name}.mp3`, bytes: audio() }));

  it(
    said(
      'saves every file as its own song, with its own URL, and lists them all in the answer',
      'har file ko uske apne URL ke saath alag song ki tarah save karta hai, aur answer mein sabko list karta hai',
    ),
    async () => {
      const artist = `Band ${tag()}`;
      const files = threeFiles();
      const res = await send(postBatch(files, artist), postBatchRequest);
      // A song refused for its missing URL was given an upload's Promise, which has no .url.
      const noUrl = res.body?.errors?.audio
        ? {
            english:
              ' The songs had no audio URL: files.map(...) with uploadFile gives an array of promises, and a Promise has ' +
              'no .url. Wait for them all first: const uploads = await Promise.all(files.map(...)).',
            hinglish:
              ' Songs ke paas audio URL nahi tha: uploadFile ke saath files.map(...) promises ka array deta hai, aur Promise ke paas ' +
              '.url nahi hota. Pehle sabka wait kijiye: const uploads = await Promise.all(files.map(...)).',
          }
        : { english: '', hinglish: '' };
      const body = JSON.stringify(res.body);
      expect(
        res.status,
        said(
          `POST /api/songs/batch answered ${res.status} ${body} instead of 201.${noUrl.english}`,
          `POST /api/songs/batch ne 201 ki jagah ${res.status} ${body} answer kiya.${noUrl.hinglish}`,
        ),
      ).toBe(201);
      const listed: ({ _id?: string } | null)[] = Array.isArray(res.body.songs) ? res.body.songs : [];
      expect(
        listed.length,
        aboutMistake(
          said(
            `The answer lists ${listed.length} of ${files.length} songs: saveSongs() returned before the saves were done. ` +
              'forEach does not wait for an async callback. Start the saves with map(), wait with await Promise.all(...), and return the result.',
            `Answer mein ${files.length} mein se ${listed.length} ${listed.length === 1 ? 'song hai' : 'songs hain'}: saves poore hone se pehle hi saveSongs() return ho gaya. ` +
              'forEach async callback ka wait nahi karta. Saves map() se start kijiye, await Promise.all(...) se wait kijiye, aur result return kijiye.',
          ),
          'forEach(async ...)',
        ),
      ).toBe(files.length);
      expect(
        listed.every((song) => song?._id),
        said(
          `Every song in the answer should be a saved song with its _id, and the answer lists ${JSON.stringify(listed)}. ` +
            'Does the function you give map() return the saved song (return Song.create(...)), and is each one awaited?',
          `Answer ka har song apni _id ke saath ek saved song hona chahiye, aur answer ${JSON.stringify(listed)} list karta hai. ` +
            'Kya map() ko diya gaya function saved song return karta hai (return Song.create(...)), aur kya har ek ko await kiya gaya hai?',
        ),
      ).toBe(true);

      const saved = await songs().find({ artist }).toArray();
      expect(
        saved.length,
        said(
          `Right after the 201 the database has ${saved.length} of ${files.length} songs: wait for every save.`,
          `201 ke turant baad database mein ${files.length} mein se ${saved.length} ${saved.length === 1 ? 'song hai' : 'songs hain'}: har save ka wait kijiye.`,
        ),
      ).toBe(files.length);
      expect(
        new Set(saved.map((song) => song.audio)).size,
        said('Each song needs its own URL.', 'Har song ka apna URL hona chahiye.'),
      ).toBe(files.length);
      for (const file of files) {
        const song = saved.find((s) => s.title === file.name.replace('.mp3', ''));
        expect(
          song,
          said(`No song is titled after "${file.name}".`, `"${file.name}" title wala koi song nahi hai.`),
        ).toBeDefined();
        const download = await fetch(song!.audio);
        expect(
          Buffer.from(await download.arrayBuffer()).equals(file.bytes),
          said(`The URL of "${song!.title}" serves other bytes.`, `"${song!.title}" ka URL koi aur bytes deta hai.`),
        ).toBe(true);
      }
    },
  );

  it(
    said(
      'uploads the files at the same time, not one after another',
      'files ek ke baad ek nahi, balki ek saath upload karta hai',
    ),
    async (ctx) => {
      if (!local()) ctx.skip(); // only the local storage runs in this process, where its uploads can be counted
      lesson.storage.faults.setLatency(80); // each upload now takes a moment, so overlaps show
      const res = await send(postBatch(threeFiles(), `Band ${tag()}`), postBatchRequest);
      await uploadsFinished();
      expect(res.status, answeredInstead('POST /api/songs/batch', res, 201)).toBe(201);
      expect(
        uploads.most,
        aboutMistake(
          said(
            'The storage never had two uploads running at the same time: the files went one after another ' +
              '(an await inside a for...of loop waits for each upload before starting the next). ' +
              'Start them all with files.map(...) and wait for all of them with await Promise.all(...).',
            'Storage pe kabhi bhi do uploads ek saath nahi chale: files ek ke baad ek gayin ' +
              '(for...of loop ke andar await agla upload start karne se pehle har upload ka wait karta hai). ' +
              'Sabko files.map(...) se start kijiye aur sabka wait await Promise.all(...) se kijiye.',
          ),
          'for...of with await for independent uploads',
        ),
      ).toBeGreaterThanOrEqual(2);
    },
  );

  it(
    said(
      'answers 502 when one of the uploads fails, and keeps running',
      'koi ek upload fail ho toh 502 answer karta hai, aur chalta rehta hai',
    ),
    async (ctx) => {
      if (!local()) ctx.skip();
      const before = escaped.length;
      lesson.storage.faults.failNext(1, plannedRefusal(500));
      const res = await send(
        postBatch(threeFiles().slice(0, 2), `Band ${tag()}`),
        withFailingUpload('POST /api/songs/batch'),
      );
      await uploadsFinished();
      expectErrorAnswer(res, 502, {
        english: 'A failed upload must answer 502.',
        hinglish: 'Upload fail ho toh 502 answer aana chahiye.',
      });
      expect(res.body.error, storagesOwnMessage).toContain(plannedRefusal(500).message);
      expectNothingEscaped(before, withFailingUpload('POST /api/songs/batch'));
    },
  );

  it(
    said(
      "answers 400 with the schema's message, and keeps running, when the songs are not valid",
      'songs valid na hon toh schema ke message ke saath 400 answer karta hai, aur chalta rehta hai',
    ),
    async () => {
      const before = escaped.length;
      const req = request(app())
        .post('/api/songs/batch')
        .attach('audio', audio(), 'kesariya.mp3')
        .attach('audio', audio(), 'ilahi.mp3');
      const res = await send(req, withoutArtist('POST /api/songs/batch'));
      await uploadsFinished();
      expectErrorAnswer(res, 400, {
        english: 'Songs without an artist must answer 400.',
        hinglish: 'Bina artist wale songs pe 400 answer aana chahiye.',
      });
      expectNothingEscaped(before, withoutArtist('POST /api/songs/batch'));
    },
  );

  it(
    said(
      'answers 400 naming the "audio" field when no file is sent',
      'file na bheji jaaye toh "audio" field ka naam lekar 400 answer karta hai',
    ),
    async () => {
      const res = await send(request(app()).post('/api/songs/batch').field('artist', 'Arijit Singh'), {
        english: 'POST /api/songs/batch without files',
        hinglish: 'Bina files ke POST /api/songs/batch',
      });
      expect(
        res.status,
        said(
          `POST /api/songs/batch without files answered ${res.status} instead of 400.`,
          `Bina files ke POST /api/songs/batch ne 400 ki jagah ${res.status} answer kiya.`,
        ),
      ).toBe(400);
      expect(
        res.body.error,
        said(
          'The message should name the field the files must come in.',
          'Message mein us field ka naam hona chahiye jismein files aani chahiye.',
        ),
      ).toContain('"audio"');
    },
  );
});
