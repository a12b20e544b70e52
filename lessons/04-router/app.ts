// Lesson 04's app: your app from app.ts (with songRoutes mounted at /api/songs),
// plus JSON answers for paths that do not exist and for errors nobody caught.
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import { answerErrorsAsJson, notFound, validationFailed } from '../shared/json-errors.ts';
import type { TryItRequest } from '../shared/try-it.ts';

/** What playground/04-router/app.ts and routes/songs.routes.ts export. */
export interface Exercise {
  createApp?: () => Express;
  app?: Express;
  songRoutes?: Router;
}

export function createApp(exercise: Exercise): Express {
  // Without the export, app.ts imports undefined and Express only says "argument handler must be a function".
  if (typeof exercise.songRoutes !== 'function') {
    throw new Error(
      'routes/songs.routes.ts does not export songRoutes, so app.ts cannot mount it: keep `export const songRoutes = Router();` from the starter. ' +
        'Hinglish: routes/songs.routes.ts songRoutes ko export nahi karta, isliye app.ts use mount nahi kar sakta: starter wali `export const songRoutes = Router();` line rehne dijiye.',
    );
  }
  const yours = typeof exercise.createApp === 'function' ? exercise.createApp() : exercise.app;
  if (typeof yours !== 'function') {
    throw new Error(
      'app.ts exports neither createApp() nor app: keep `export function createApp()` from the starter. ' +
        'Hinglish: app.ts na createApp() export karta hai na app: starter wala `export function createApp()` rehne dijiye.',
    );
  }

  const app = express();
  // Requests your routes tried to answer twice; the checks read it.
  const answeredTwice: string[] = (app.locals.answeredTwice = []);
  app.use(yours);
  app.use(notFound);
  app.use(noteAnsweredTwice(answeredTwice));
  // Every error thrown in a route ends here and leaves as JSON, as in lesson 02:
  // an invalid song or a broken JSON body is the client's mistake (400); anything else is a crash (500).
  app.use(answerErrorsAsJson(validationFailed));
  return app;
}

// A route that answered, went on and failed answering again (a `return` is missing) is noted, then
// the error goes on to answerErrorsAsJson, which explains it in the terminal.
function noteAnsweredTwice(answeredTwice: string[]): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) answeredTwice.push(`${req.method} ${req.originalUrl}`);
    next(error);
  };
}

/** Turns a song into a curl command that posts it as JSON. */
function postJson(url: string, song: object): string {
  return `curl -s -i -X POST ${url} -H 'Content-Type: application/json' -d '${JSON.stringify(song)}'`;
}

export function tryIt(baseUrl: string): TryItRequest[] {
  const songs = `${baseUrl}/api/songs`;
  const song = { title: 'Kesariya', artist: 'Arijit Singh', audio: 'https://ik.imagekit.io/demo/songs/kesariya.mp3' };
  return [
    {
      what: "Create a song: the router's post('/') answers POST /api/songs. Copy the _id it gives back.",
      whatHinglish:
        "Ek song banaiye: router ka post('/') POST /api/songs ka answer deta hai. Jo _id wapas mile, use copy kar lijiye.",
      command: postJson(songs, song),
    },
    {
      what: "List the songs: the router's get('/') answers GET /api/songs.",
      whatHinglish: "Songs ki list dekhiye: router ka get('/') GET /api/songs ka answer deta hai.",
      command: `curl -s ${songs}`,
    },
    {
      what: 'An id no song has: 404 JSON. Put the _id you copied in its place to get your song.',
      whatHinglish:
        'Aisi id jo kisi song ki nahi: 404 JSON. Uski jagah copy ki hui _id daaliye, aapka song mil jaayega.',
      command: `curl -s -i ${songs}/665f1c2e9b1d4a3f8c7e5d21`,
    },
    {
      what: 'A malformed id: 400 JSON, not a crash.',
      whatHinglish: 'Galat shape ki id: 400 JSON, crash nahi.',
      command: `curl -s -i ${songs}/not-an-id`,
    },
    {
      what: 'A song with only a title: 400, with a message for artist and audio.',
      whatHinglish: 'Sirf title wala song: 400, artist aur audio ke message ke saath.',
      command: postJson(songs, { title: 'Untitled' }),
    },
    {
      what: 'The same path without the prefix: 404, the router lives only under /api/songs.',
      whatHinglish: 'Wahi path prefix ke bina: 404, router sirf /api/songs ke neeche rehta hai.',
      command: `curl -s -i ${baseUrl}/songs`,
    },
  ];
}
