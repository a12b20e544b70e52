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

const lesson = useLesson<Exercise>('04-router');
const songs = () => mongoose.connection.collection('songs');
const app = () => createApp(lesson.exercise);

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
    `${test.method} ${pathname} got no answer at all: does every path through your route end with res.json(…)?`,
  );
}

/** True when the 404 came from the app's "no route matched" handler, not from your route. */
function noRouteMatched(res: request.Response): boolean {
  return res.status === 404 && typeof res.body?.error === 'string' && res.body.error.startsWith('Nothing answers');
}

/** Says why no route answered: the route is missing (`route`, as the router writes it), or the router sits elsewhere. */
async function whyNoRoute(route: string): Promise<string> {
  const answers = async (path: string) => (await answer(request(app()).get(path))).status === 200;
  if (route !== "get('/')" && (await answers('/api/songs'))) {
    return `The list at GET /api/songs works, so the router is mounted well: write songRoutes.${route} in routes/songs.routes.ts.`;
  }
  if (await answers('/api/songs/api/songs')) {
    return aboutMistake(
      'The list answers at GET /api/songs/api/songs: your router repeats the prefix. ' +
        "app.use('/api/songs', songRoutes) already adds /api/songs, so inside the router write get('/'), not get('/api/songs').",
      'Repeating the prefix inside the router',
    );
  }
  for (const path of ['/songs', '/api', '/']) {
    if (await answers(path)) {
      return aboutMistake(
        `The list answers at GET ${path} instead: the router is mounted at the wrong path. ` +
          "Mount it with app.use('/api/songs', songRoutes) in app.ts.",
        'Mounting at the wrong path',
      );
    }
  }
  if (await routerAloneAnswersList()) {
    return (
      "Your songRoutes answers get('/') on its own, but the app never sends GET /api/songs to it: " +
      "in app.ts, mount it with exactly app.use('/api/songs', songRoutes) (check the spelling, the s at the end, the leading /)."
    );
  }
  return (
    "No route answered: write songRoutes.get('/'), get('/:id') and post('/') in routes/songs.routes.ts, " +
    "and mount the router in app.ts with app.use('/api/songs', songRoutes)."
  );
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
async function expectStatus(res: request.Response, status: number, what: string, route: string): Promise<void> {
  if (res.status === status && !(status === 404 && noRouteMatched(res))) return;
  if (noRouteMatched(res)) {
    expect.fail(
      `${what} reached no route (the app's own 404), where it should answer ${status}. ${await whyNoRoute(route)}`,
    );
  }
  expect.fail(`${what} answered ${res.status} instead of ${status}. It answered: ${JSON.stringify(res.body)}`);
}

/** Fails when the route went on after its first answer and tried to answer again. */
async function expectAnsweredOnce(server: Express, what: string, early: string): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve)); // let a route that went on reach its next answer
  const twice: string[] = server.locals.answeredTwice ?? [];
  expect(
    twice,
    aboutMistake(
      `${what} tried to answer twice: after ${early} the route went on and tried to answer again. ` +
        `Write return in front of the early answer: return ${early}.`,
      'Forgetting return before an early answer',
    ),
  ).toEqual([]);
}

describe('GET /api/songs', () => {
  it('answers with every saved song, newest first', async () => {
    await seed('Kesariya', 'Tum Hi Ho'); // Tum Hi Ho is the newer one
    const res = await answer(request(app()).get('/api/songs'));
    await expectStatus(res, 200, 'GET /api/songs', "get('/')");
    expect(
      Array.isArray(res.body.songs),
      'The answer has no songs list: answer with res.json({ ok: true, songs }).',
    ).toBe(true);
    const titles: string[] = res.body.songs.map((song: { title: string }) => song.title);
    expect([...titles].sort(), 'GET /api/songs should list every song in the database: use Song.find().').toEqual([
      'Kesariya',
      'Tum Hi Ho',
    ]);
    expect(titles, 'GET /api/songs should list the newest song first: Song.find().sort({ createdAt: -1 }).').toEqual([
      'Tum Hi Ho',
      'Kesariya',
    ]);
  });
});

describe('GET /api/songs/:id', () => {
  it('answers with the song that has this id', async () => {
    const [id] = await seed('Kesariya');
    const res = await answer(request(app()).get(`/api/songs/${id}`));
    await expectStatus(res, 200, `GET /api/songs/${id}`, "get('/:id')");
    expect(
      res.body.song?.title,
      'The answer has no song: find it with Song.findById(id), answer res.json({ ok: true, song }).',
    ).toBe('Kesariya');
  });

  it('answers 404 JSON when no song has the id', async () => {
    const unknown = new mongoose.Types.ObjectId().toString();
    const server = app();
    const res = await answer(request(server).get(`/api/songs/${unknown}`));
    if (res.status === 200) {
      expect.fail(
        `GET /api/songs/${unknown} answered 200 for an id no song has: when findById() gives null, answer res.status(404).json({ ok: false, error }).`,
      );
    }
    await expectStatus(res, 404, `GET /api/songs/${unknown} (an id no song has)`, "get('/:id')");
    expect(res.type, 'The 404 answer should be JSON: use res.status(404).json(…), not send().').toBe(
      'application/json',
    );
    await expectAnsweredOnce(server, `GET /api/songs/${unknown} (an id no song has)`, 'res.status(404).json(…)');
  });

  it('answers 400 JSON for a malformed id, instead of crashing', async () => {
    const server = app();
    const res = await answer(request(server).get('/api/songs/not-an-id'));
    if (res.status === 500) {
      expect.fail(
        aboutMistake(
          'GET /api/songs/not-an-id crashed with 500: a malformed id must get a 400 JSON answer. ' +
            'findById() throws a CastError on it, so check it first with mongoose.isObjectIdOrHexString(id).',
          'Letting a malformed id crash the route',
        ),
      );
    }
    await expectStatus(res, 400, 'GET /api/songs/not-an-id (a malformed id)', "get('/:id')");
    expect(res.type, 'The 400 answer for a malformed id should be JSON: use res.status(400).json(…).').toBe(
      'application/json',
    );
    await expectAnsweredOnce(server, 'GET /api/songs/not-an-id (a malformed id)', 'res.status(400).json(…)');
  });
});

describe('POST /api/songs', () => {
  const song = { title: 'Kesariya', artist: 'Arijit Singh', audio: 'https://ik.imagekit.io/demo/songs/kesariya.mp3' };

  it('saves the song from the JSON body and answers 201 with it', async () => {
    const res = await answer(request(app()).post('/api/songs').send(song));
    if (res.status === 400 && res.body.errors?.title) {
      expect.fail(
        'POST /api/songs says the title is missing, yet the request sent one: req.body was empty in your route. ' +
          'In app.ts, mount the router after app.use(express.json()), which fills req.body.',
      );
    }
    await expectStatus(res, 201, 'POST /api/songs', "post('/')");
    expect(res.body.song?.title, 'The answer has no song: answer res.status(201).json({ ok: true, song }).').toBe(
      'Kesariya',
    );
    const saved = await songs().findOne({ title: 'Kesariya' });
    expect(
      saved,
      'POST /api/songs answered, but no song is in the database: save it with Song.create(req.body).',
    ).toBeTruthy();
    expect(
      saved?.mood,
      'The song was not saved through the Song model (no default mood): use Song.create(req.body).',
    ).toBe('calm');
  });

  it('answers 400 with the validation messages for an invalid song', async () => {
    const res = await answer(request(app()).post('/api/songs').send({ title: 'Untitled' }));
    await expectStatus(res, 400, 'POST /api/songs with a song that has no artist and no audio', "post('/')");
    expect(
      res.body.errors,
      "The 400 answer should carry the schema's messages: let Song.create() throw, the app answers for you.",
    ).toMatchObject({
      artist: 'A song needs an artist',
      audio: 'A song needs an audio URL',
    });
    expect(await songs().countDocuments(), 'An invalid song was saved anyway.').toBe(0);
  });
});

describe('the mount point /api/songs', () => {
  it('is the only place the song routes answer: GET / and GET /songs are 404', async () => {
    await seed('Kesariya');
    for (const path of ['/', '/songs']) {
      const res = await answer(request(app()).get(path));
      expect(
        res.status,
        `GET ${path} answered ${res.status}: the router is mounted at the wrong path. Mount it with app.use('/api/songs', songRoutes).`,
      ).toBe(404);
    }
  });
});

describe('songRoutes (routes/songs.routes.ts)', () => {
  const notExported =
    'routes/songs.routes.ts does not export songRoutes: keep `export const songRoutes = Router();` from the starter.';

  it('is exported, so app.ts can import it', () => {
    const router = lesson.exercise.songRoutes;
    expect(typeof router === 'function' && typeof router.get === 'function', notExported).toBe(true);
  });

  it('holds the song routes itself, wherever it is mounted', async () => {
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
        ? "songRoutes answers at <mount point>/api/songs: your router repeats the prefix. Write get('/') inside the router; app.use('/api/songs', …) adds the prefix."
        : aboutMistake(
            'songRoutes alone does not answer GET /: the song routes belong on songRoutes in routes/songs.routes.ts, not on app in app.ts. That is the point of a Router.',
            'Leaving the routes in app.ts',
          ),
    );
  });
});
