// Lesson 04: the song routes live in their own Router, mounted at /api/songs.
// Real HTTP (supertest) on lesson 04's app around your app.ts, real database.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import express, { type Express } from 'express';
import mongoose from 'mongoose';
import request from 'supertest';
import { useLesson } from './support/use-lesson.ts';
import { settleWithin } from './support/settle.ts';
import { createApp, type Exercise } from '../lessons/04-router/app.ts';
import { inBoth, named, said, type Twice } from './support/said.ts';

const lesson = useLesson<Exercise>('04-router');
const songs = () => mongoose.connection.collection('songs');
const app = () => createApp(lesson.exercise);

/** A request's name in both languages, to be joined into a sentence. */

beforeEach(async () => {
  await songs().deleteMany({});
});
afterAll(async () => {
  await songs()
    .drop()
    .catch(() => {});
});

/** Saves songs straight into the database, oldest first, and gives back their ids. */
async function seed(...titles: string[]): Promise<string[]> {
  const now = Date.now();
  const docs = titles.map((title, i) => ({
    title,
    artist: 'Arijit Singh',
    audio: `https://ik.imagekit.io/demo/songs/song-${i}.mp3`,
    mood: 'calm',
    createdAt: new Date(now + i),
    updatedAt: new Date(now + i),
  }));
  const { insertedIds } = await songs().insertMany(docs);
  return Object.values(insertedIds).map(String);
}

/** Sends a request; a route that never answers gets a plain explanation instead of a timeout. */
function answer(test: request.Test): Promise<request.Response> {
  const { pathname } = new URL(test.url);
  return settleWithin(
    Promise.resolve(test),
    3000,
    said(
      `${test.method} ${pathname} got no answer at all: does every path through your route end with res.json(…)?`,
      `${test.method} ${pathname} ko koi answer hi nahi mila: kya aapke route ka har raasta res.json(…) pe khatam hota hai?`,
    ),
  );
}

/** True when the 404 came from the app's "no route matched" handler, not from your route. */
function noRouteMatched(res: request.Response): boolean {
  return res.status === 404 && typeof res.body?.error === 'string' && res.body.error.startsWith('Nothing answers');
}

/** Why no route answered, to be joined to the sentence before it, and the "Common mistakes" bullet it is about. */
interface NoRouteReason extends Twice {
  mistake?: string;
}

/** Says why no route answered: the route is missing (`route`, as the router writes it), or the router sits elsewhere. */
async function whyNoRoute(route: string): Promise<NoRouteReason> {
  const answers = async (path: string) => (await answer(request(app()).get(path))).status === 200;
  if (route !== "get('/')" && (await answers('/api/songs'))) {
    return {
      english: `The list at GET /api/songs works, so the router is mounted well: write songRoutes.${route} in routes/songs.routes.ts.`,
      hinglish: `GET /api/songs pe list chal rahi hai, yaani router sahi jagah mounted hai: routes/songs.routes.ts mein songRoutes.${route} likhiye.`,
    };
  }
  if (await answers('/api/songs/api/songs')) {
    return {
      english:
        'The list answers at GET /api/songs/api/songs: your router repeats the prefix. ' +
        "app.use('/api/songs', songRoutes) already adds /api/songs, so inside the router write get('/'), not get('/api/songs').",
      hinglish:
        'List GET /api/songs/api/songs pe answer kar rahi hai: aapka router prefix dobara likh raha hai. ' +
        "app.use('/api/songs', songRoutes) /api/songs pehle se jod deta hai, isliye router ke andar get('/') likhiye, get('/api/songs') nahi.",
      mistake: 'Repeating the prefix inside the router',
    };
  }
  for (const path of ['/songs', '/api', '/']) {
    if (await answers(path)) {
      return {
        english:
          `The list answers at GET ${path} instead: the router is mounted at the wrong path. ` +
          "Mount it with app.use('/api/songs', songRoutes) in app.ts.",
        hinglish:
          `List uski jagah GET ${path} pe answer kar rahi hai: router galat path pe mounted hai. ` +
          "app.ts mein use app.use('/api/songs', songRoutes) se mount kijiye.",
        mistake: 'Mounting at the wrong path',
      };
    }
  }
  if (await routerAloneAnswersList()) {
    return {
      english:
        "Your songRoutes answers get('/') on its own, but the app never sends GET /api/songs to it: " +
        "in app.ts, mount it with exactly app.use('/api/songs', songRoutes) (check the spelling, the s at the end, the leading /).",
      hinglish:
        "Aapka songRoutes khud get('/') ka answer deta hai, par app GET /api/songs ko us tak kabhi bhejta hi nahi: " +
        "app.ts mein use bilkul app.use('/api/songs', songRoutes) se mount kijiye (spelling, aakhri s aur shuru ka / check kijiye).",
    };
  }
  return {
    english:
      "No route answered: write songRoutes.get('/'), get('/:id') and post('/') in routes/songs.routes.ts, " +
      "and mount the router in app.ts with app.use('/api/songs', songRoutes).",
    hinglish:
      "Kisi route ne answer nahi diya: routes/songs.routes.ts mein songRoutes.get('/'), get('/:id') aur post('/') likhiye, " +
      "aur app.ts mein router ko app.use('/api/songs', songRoutes) se mount kijiye.",
  };
}

/** True when songRoutes, mounted in an app of its own, answers the list at its mount point. */
async function routerAloneAnswersList(): Promise<boolean> {
  const router = lesson.exercise.songRoutes;
  if (typeof router !== 'function') return false;
  const alone = express();
  alone.use(express.json());
  alone.use('/somewhere-else', router);
  return (await answer(request(alone).get('/somewhere-else'))).status === 200;
}

/** Fails with a plain explanation when `res` is not the answer `status` the lesson asks for. */
async function expectStatus(res: request.Response, status: number, what: Twice, route: string): Promise<void> {
  if (res.status === status && !(status === 404 && noRouteMatched(res))) return;
  if (noRouteMatched(res)) {
    const why = await whyNoRoute(route);
    const sentence = said(
      `${what.english} reached no route (the app's own 404), where it should answer ${status}. ${why.english}`,
      `${what.hinglish} kisi route tak pahuncha hi nahi (app ka apna 404), jabki use ${status} answer karna chahiye tha. ${why.hinglish}`,
    );
    expect.fail(why.mistake ? aboutMistake(sentence, why.mistake) : sentence);
  }
  const body = JSON.stringify(res.body);
  expect.fail(
    said(
      `${what.english} answered ${res.status} instead of ${status}. It answered: ${body}`,
      `${what.hinglish} ne ${status} ki jagah ${res.status} answer kiya. Usne yeh answer diya: ${body}`,
    ),
  );
}

/** Fails when the route went on after its first answer and tried to answer again. */
async function expectAnsweredOnce(server: Express, what: Twice, early: string): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve)); // let a route that went on reach its next answer
  const twice: string[] = server.locals.answeredTwice ?? [];
  expect(
    twice,
    aboutMistake(
      said(
        `${what.english} tried to answer twice: after ${early} the route went on and tried to answer again. ` +
          `Write return in front of the early answer: return ${early}.`,
        `${what.hinglish} ne do baar answer dene ki koshish ki: ${early} ke baad route aage chalta raha aur dobara answer dene chala. ` +
          `Early answer se pehle return likhiye: return ${early}.`,
      ),
      'Forgetting return before an early answer',
    ),
  ).toEqual([]);
}

describe(inBoth('GET /api/songs'), () => {
  it(
    said('answers with every saved song, newest first', 'har saved song ke saath answer karta hai, sabse naya pehle'),
    async () => {
      await seed('Kesariya', 'Tum Hi Ho'); // Tum Hi Ho is the newer one
      const res = await answer(request(app()).get('/api/songs'));
      await expectStatus(res, 200, named('GET /api/songs'), "get('/')");
      expect(
        Array.isArray(res.body.songs),
        said(
          'The answer has no songs list: answer with res.json({ ok: true, songs }).',
          'Answer mein songs ki list nahi hai: res.json({ ok: true, songs }) se answer kijiye.',
        ),
      ).toBe(true);
      const titles: string[] = res.body.songs.map((song: { title: string }) => song.title);
      expect(
        [...titles].sort(),
        said(
          'GET /api/songs should list every song in the database: use Song.find().',
          'GET /api/songs ko database ke saare songs list karne chahiye: Song.find() use kijiye.',
        ),
      ).toEqual(['Kesariya', 'Tum Hi Ho']);
      expect(
        titles,
        said(
          'GET /api/songs should list the newest song first: Song.find().sort({ createdAt: -1 }).',
          'GET /api/songs ko sabse naya song pehle list karna chahiye: Song.find().sort({ createdAt: -1 }).',
        ),
      ).toEqual(['Tum Hi Ho', 'Kesariya']);
    },
  );
});

describe(inBoth('GET /api/songs/:id'), () => {
  it(said('answers with the song that has this id', 'us song ke saath answer karta hai jiski yeh id hai'), async () => {
    const [id] = await seed('Kesariya');
    const res = await answer(request(app()).get(`/api/songs/${id}`));
    await expectStatus(res, 200, named(`GET /api/songs/${id}`), "get('/:id')");
    expect(
      res.body.song?.title,
      said(
        'The answer has no song: find it with Song.findById(id), answer res.json({ ok: true, song }).',
        'Answer mein song nahi hai: use Song.findById(id) se dhoondhiye, aur res.json({ ok: true, song }) se answer kijiye.',
      ),
    ).toBe('Kesariya');
  });

  it(
    said('answers 404 JSON when no song has the id', 'jab kisi song ki yeh id nahi hai, toh 404 JSON answer karta hai'),
    async () => {
      const unknown = new mongoose.Types.ObjectId().toString();
      const server = app();
      const res = await answer(request(server).get(`/api/songs/${unknown}`));
      if (res.status === 200) {
        expect.fail(
          said(
            `GET /api/songs/${unknown} answered 200 for an id no song has: when findById() gives null, answer res.status(404).json({ ok: false, error }).`,
            `GET /api/songs/${unknown} ne aisi id ke liye 200 answer kiya jo kisi song ki nahi hai: jab findById() null de, toh res.status(404).json({ ok: false, error }) se answer kijiye.`,
          ),
        );
      }
      const what = {
        english: `GET /api/songs/${unknown} (an id no song has)`,
        hinglish: `GET /api/songs/${unknown} (aisi id jo kisi song ki nahi hai)`,
      };
      await expectStatus(res, 404, what, "get('/:id')");
      expect(
        res.type,
        said(
          'The 404 answer should be JSON: use res.status(404).json(…), not send().',
          '404 answer JSON hona chahiye: res.status(404).json(…) use kijiye, send() nahi.',
        ),
      ).toBe('application/json');
      await expectAnsweredOnce(server, what, 'res.status(404).json(…)');
    },
  );

  it(
    said(
      'answers 400 JSON for a malformed id, instead of crashing',
      'galat id pe crash hone ki jagah 400 JSON answer karta hai',
    ),
    async () => {
      const server = app();
      const res = await answer(request(server).get('/api/songs/not-an-id'));
      if (res.status === 500) {
        expect.fail(
          aboutMistake(
            said(
              'GET /api/songs/not-an-id crashed with 500: a malformed id must get a 400 JSON answer. ' +
                'findById() throws a CastError on it, so check it first with mongoose.isObjectIdOrHexString(id).',
              'GET /api/songs/not-an-id 500 ke saath crash ho gaya: galat id ko 400 JSON answer milna chahiye. ' +
                'Aisi id pe findById() CastError throw karta hai, isliye pehle mongoose.isObjectIdOrHexString(id) se check kijiye.',
            ),
            'Letting a malformed id crash the route',
          ),
        );
      }
      const what = {
        english: 'GET /api/songs/not-an-id (a malformed id)',
        hinglish: 'GET /api/songs/not-an-id (galat id)',
      };
      await expectStatus(res, 400, what, "get('/:id')");
      expect(
        res.type,
        said(
          'The 400 answer for a malformed id should be JSON: use res.status(400).json(…).',
          'Galat id ka 400 answer JSON hona chahiye: res.status(400).json(…) use kijiye.',
        ),
      ).toBe('application/json');
      await expectAnsweredOnce(server, what, 'res.status(400).json(…)');
    },
  );
});

describe(inBoth('POST /api/songs'), () => {
  const song = { title: 'Kesariya', artist: 'Arijit Singh', audio: 'https://ik.imagekit.io/demo/songs/kesariya.mp3' };

  it(
    said(
      'saves the song from the JSON body and answers 201 with it',
      'JSON body se song save karta hai aur uske saath 201 answer karta hai',
    ),
    async () => {
      const res = await answer(request(app()).post('/api/songs').send(song));
      if (res.status === 400 && res.body.errors?.title) {
        expect.fail(
          said(
            'POST /api/songs says the title is missing, yet the request sent one: req.body was empty in your route. ' +
              'In app.ts, mount the router after app.use(express.json()), which fills req.body.',
            'POST /api/songs keh raha hai ki title missing hai, jabki request ne title bheja tha: aapke route mein req.body khaali tha. ' +
              'app.ts mein router ko app.use(express.json()) ke baad mount kijiye, wahi req.body bharta hai.',
          ),
        );
      }
      await expectStatus(res, 201, named('POST /api/songs'), "post('/')");
      expect(
        res.body.song?.title,
        said(
          'The answer has no song: answer res.status(201).json({ ok: true, song }).',
          'Answer mein song nahi hai: res.status(201).json({ ok: true, song }) se answer kijiye.',
        ),
      ).toBe('Kesariya');
      const saved = await songs().findOne({ title: 'Kesariya' });
      expect(
        saved,
        said(
          'POST /api/songs answered, but no song is in the database: save it with Song.create(req.body).',
          'POST /api/songs ne answer toh diya, par database mein koi song nahi hai: use Song.create(req.body) se save kijiye.',
        ),
      ).toBeTruthy();
      expect(
        saved?.mood,
        said(
          'The song was not saved through the Song model (no default mood): use Song.create(req.body).',
          'Song ko Song model ke through save nahi kiya gaya (uska default mood nahi hai): Song.create(req.body) use kijiye.',
        ),
      ).toBe('calm');
    },
  );

  it(
    said(
      'answers 400 with the validation messages for an invalid song',
      'invalid song pe validation messages ke saath 400 answer karta hai',
    ),
    async () => {
      const res = await answer(request(app()).post('/api/songs').send({ title: 'Untitled' }));
      const what = {
        english: 'POST /api/songs with a song that has no artist and no audio',
        hinglish: 'Bina artist aur bina audio wale song ke saath POST /api/songs',
      };
      await expectStatus(res, 400, what, "post('/')");
      expect(
        res.body.errors,
        said(
          "The 400 answer should carry the schema's messages: let Song.create() throw, the app answers for you.",
          '400 answer mein schema ke messages hone chahiye: Song.create() ko throw karne dijiye, app aapke liye answer kar dega.',
        ),
      ).toMatchObject({
        artist: 'A song needs an artist',
        audio: 'A song needs an audio URL',
      });
      expect(
        await songs().countDocuments(),
        said('An invalid song was saved anyway.', 'Invalid song phir bhi save ho gaya.'),
      ).toBe(0);
    },
  );
});

describe(said('the mount point /api/songs', 'mount point /api/songs'), () => {
  it(
    said(
      'is the only place the song routes answer: GET / and GET /songs are 404',
      'sirf yahin song routes answer karte hain: GET / aur GET /songs 404 hain',
    ),
    async () => {
      await seed('Kesariya');
      for (const path of ['/', '/songs']) {
        const res = await answer(request(app()).get(path));
        expect(
          res.status,
          said(
            `GET ${path} answered ${res.status}: the router is mounted at the wrong path. Mount it with app.use('/api/songs', songRoutes).`,
            `GET ${path} ne ${res.status} answer kiya: router galat path pe mounted hai. Use app.use('/api/songs', songRoutes) se mount kijiye.`,
          ),
        ).toBe(404);
      }
    },
  );
});

describe(inBoth('songRoutes (routes/songs.routes.ts)'), () => {
  const notExported = said(
    'routes/songs.routes.ts does not export songRoutes: keep `export const songRoutes = Router();` from the starter.',
    'routes/songs.routes.ts songRoutes ko export nahi karta: starter wali `export const songRoutes = Router();` line rehne dijiye.',
  );

  it(said('is exported, so app.ts can import it', 'export kiya gaya hai, taaki app.ts use import kar sake'), () => {
    const router = lesson.exercise.songRoutes;
    expect(typeof router === 'function' && typeof router.get === 'function', notExported).toBe(true);
  });

  it(
    said(
      'holds the song routes itself, wherever it is mounted',
      'song routes khud rakhta hai, chahe kahin bhi mount ho',
    ),
    async () => {
      const router = lesson.exercise.songRoutes;
      if (typeof router !== 'function') expect.fail(notExported);
      await seed('Kesariya');
      const elsewhere = express();
      elsewhere.use(express.json());
      elsewhere.use('/somewhere-else', router);
      const res = await answer(request(elsewhere).get('/somewhere-else'));
      if (res.status === 200) return;
      const repeated = await answer(request(elsewhere).get('/somewhere-else/api/songs'));
      expect.fail(
        repeated.status === 200
          ? said(
              "songRoutes answers at <mount point>/api/songs: your router repeats the prefix. Write get('/') inside the router; app.use('/api/songs', …) adds the prefix.",
              "songRoutes <mount point>/api/songs pe answer karta hai: aapka router prefix dobara likh raha hai. Router ke andar get('/') likhiye; prefix app.use('/api/songs', …) jodta hai.",
            )
          : aboutMistake(
              said(
                'songRoutes alone does not answer GET /: the song routes belong on songRoutes in routes/songs.routes.ts, not on app in app.ts. That is the point of a Router.',
                'songRoutes akele GET / ka answer nahi deta: song routes routes/songs.routes.ts ke songRoutes pe hone chahiye, app.ts ke app pe nahi. Router ka matlab hi yahi hai.',
              ),
              'Leaving the routes in app.ts',
            ),
      );
    },
  );
});
