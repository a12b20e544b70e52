// Lesson 02's app: send a song as JSON and see your schema at work.
// It answers with the cleaned song (trimmed, cast, defaults filled in, unknown fields gone)
// or with one readable message per broken field.
import express, { type Express, type RequestHandler } from 'express';
import mongoose from 'mongoose';
import { answerErrorsAsJson, validationFailed } from '../shared/json-errors.ts';
import type { TryItRequest } from '../shared/try-it.ts';

/** What lesson 02's exercise file exports. */
export interface SchemaExercise {
  songSchema: mongoose.Schema;
}

/** Lets a request through only when its body is a JSON object (a song), not a list or nothing. */
const songInBody: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) return next();
  res.status(400).json({
    ok: false,
    error: 'Send the song as a JSON object, with the header Content-Type: application/json.',
  });
};

export function createApp({ songSchema }: SchemaExercise): Express {
  // The model is your schema put to work on the "songs" collection.
  // overwriteModels: the app can be rebuilt around your edited schema without a restart.
  const Song = mongoose.model('Song', songSchema, undefined, { overwriteModels: true });

  const app = express();
  app.use(express.json());

  // Checks a song against the schema without saving it.
  app.post('/api/songs/check', songInBody, async (req, res) => {
    const song = new Song(req.body); // casting, trim and defaults happen here
    await song.validate(); // the rules run here: required, enum, min, match…
    res.json({ ok: true, song });
  });

  // Saves a song for real: create() validates first, so a broken song never reaches MongoDB.
  app.post('/api/songs', songInBody, async (req, res) => {
    const song = await Song.create(req.body);
    res.status(201).json({ ok: true, song });
  });

  // Lists the saved songs, newest first.
  app.get('/api/songs', async (_req, res) => {
    const songs = await Song.find().sort({ createdAt: -1 });
    res.json({ ok: true, songs });
  });

  // Every error thrown above ends up here and leaves as JSON: a song that breaks your schema
  // gets 400 with one message per broken field, `{ title: 'A song needs a title', … }`.
  app.use(answerErrorsAsJson(validationFailed));

  return app;
}

/** Turns a song into a curl command that posts it as JSON. */
function postJson(url: string, song: object): string {
  return `curl -s -X POST ${url} -H 'Content-Type: application/json' -d '${JSON.stringify(song)}'`;
}

export function tryIt(baseUrl: string): TryItRequest[] {
  const check = `${baseUrl}/api/songs/check`;
  const song = {
    title: '  Kesariya  ',
    artist: 'Arijit Singh',
    audio: 'https://ik.imagekit.io/demo/songs/kesariya.mp3',
  };
  return [
    {
      what: 'A valid song: the title comes back trimmed and the mood is calm by default.',
      whatHinglish: 'Ek sahi song: title trim hoke wapas aata hai aur mood default se calm hai.',
      command: postJson(check, song),
    },
    {
      what: 'A mood outside the list: 400, with a message for mood.',
      whatHinglish: 'List se bahar ka mood: 400, mood ke liye message ke saath.',
      command: postJson(check, { ...song, mood: 'angry' }),
    },
    {
      what: 'A duration sent as text: "215" comes back as the number 215.',
      whatHinglish: 'Text ki tarah bheji gayi duration: "215" number 215 ban ke wapas aata hai.',
      command: postJson(check, { ...song, duration: '215' }),
    },
    {
      what: 'An unknown field: "plays" is silently dropped.',
      whatHinglish: 'Ek anjaan field: "plays" chupchaap hata diya jaata hai.',
      command: postJson(check, { ...song, plays: 1000000 }),
    },
    {
      what: 'Nothing but a file name: 400, with messages for title, artist and audio.',
      whatHinglish: 'Sirf ek file name: 400, title, artist aur audio ke messages ke saath.',
      command: postJson(check, { audio: 'song.mp3' }),
    },
    {
      what: 'Save the song for real: createdAt and updatedAt appear.',
      whatHinglish: 'Song ko sach mein save kijiye: createdAt aur updatedAt aa jaate hain.',
      command: postJson(`${baseUrl}/api/songs`, song),
    },
    {
      what: 'List the saved songs.',
      whatHinglish: 'Save hue songs ki list dekhiye.',
      command: `curl -s ${baseUrl}/api/songs`,
    },
  ];
}
