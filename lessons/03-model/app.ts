// Lesson 03's app: a songs store. Create, list, change the mood and delete songs, all
// through your Song model, and look at the database's collections to see where they go.
import express, { type Express } from 'express';
import mongoose from 'mongoose';
import { answerErrorsAsJson, type KnownError, malformedId, validationFailed } from '../shared/json-errors.ts';
import type { TryItRequest } from '../shared/try-it.ts';

/** What lesson 03's exercise files export (song.model.ts and songs.ts). */
export interface ModelExercise {
  Song: mongoose.Model<Record<string, unknown>>;
  createSong(data: Record<string, unknown>): Promise<unknown>;
  listSongs(filter?: { mood?: string }): Promise<unknown[]>;
  updateMood(id: string, mood: string): Promise<unknown>;
  deleteSong(id: string): Promise<unknown>;
}

/** The database's collections, each with how many documents it holds. */
async function collectionsWithCounts() {
  const db = mongoose.connection.db;
  if (!db) return [];
  const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((info) => info.name).sort();
  return Promise.all(names.map(async (name) => ({ name, documents: await db.collection(name).countDocuments() })));
}

export function createApp({ createSong, listSongs, updateMood, deleteSong }: ModelExercise): Express {
  const app = express();
  app.use(express.json());

  // Create: the body is the song, as JSON.
  app.post('/api/songs', async (req, res) => {
    const song = await createSong(req.body ?? {});
    res.status(201).json({ ok: true, song });
  });

  // Read: every song, newest first; ?mood=happy keeps only the happy ones.
  app.get('/api/songs', async (req, res) => {
    const mood = typeof req.query.mood === 'string' && req.query.mood !== '' ? req.query.mood : undefined;
    const songs = await listSongs(mood ? { mood } : {});
    res.json({ ok: true, songs });
  });

  // Update: only the mood, e.g. { "mood": "happy" }.
  app.patch('/api/songs/:id', async (req, res) => {
    const mood = req.body?.mood;
    if (typeof mood !== 'string') {
      res.status(400).json({ ok: false, error: 'Send the new mood as JSON: { "mood": "happy" }.' });
      return;
    }
    const song = await updateMood(req.params.id, mood);
    if (!song) {
      res.status(404).json({ ok: false, error: `No song has the id "${req.params.id}".` });
      return;
    }
    res.json({ ok: true, song });
  });

  // Delete: answers with the song that was deleted.
  app.delete('/api/songs/:id', async (req, res) => {
    const song = await deleteSong(req.params.id);
    if (!song) {
      res.status(404).json({ ok: false, error: `No song has the id "${req.params.id}".` });
      return;
    }
    res.json({ ok: true, deleted: song });
  });

  // Look inside the database: which collections exist, and how full they are.
  app.get('/api/collections', async (_req, res) => {
    res.json({ ok: true, collections: await collectionsWithCounts() });
  });

  // Demo: throws the "songs" collection away, so you can watch the next save create it again.
  // `dropped` says whether there was a "songs" to throw away (the driver itself answers true either way).
  app.delete('/api/collections/songs', async (_req, res) => {
    const existed = (await collectionsWithCounts()).some((collection) => collection.name === 'songs');
    if (existed) await mongoose.connection.dropCollection('songs');
    res.json({ ok: true, dropped: existed, collections: await collectionsWithCounts() });
  });

  // Every error thrown above ends up here and leaves as JSON: a song that breaks the schema
  // (a mood outside the list) or a value that is not an id gets 400, a body too big 413,
  // anything else 500.
  app.use(answerErrorsAsJson(validationFailed, malformedId, bodyTooLarge));

  return app;
}

/** A JSON body over express.json()'s limit (100 KB): 413, the client sent too much. */
const bodyTooLarge: KnownError = (error) => {
  const failure = error as { type?: unknown; limit?: number } | null;
  if (failure?.type !== 'entity.too.large') return undefined;
  const limit = failure.limit ? ` (${Math.round(failure.limit / 1024)} KB at most)` : '';
  return { status: 413, body: { ok: false, error: `The JSON body is too large${limit}: a song is a few fields.` } };
};

/** A curl command that sends `body` as JSON with the given method. */
function sendJson(method: string, url: string, body: object): string {
  return `curl -s -X ${method} ${url} -H 'Content-Type: application/json' -d '${JSON.stringify(body)}'`;
}

export function tryIt(baseUrl: string): TryItRequest[] {
  const songs = `${baseUrl}/api/songs`;
  const song = {
    title: 'Kesariya',
    artist: 'Arijit Singh',
    audio: 'https://ik.imagekit.io/demo/songs/kesariya.mp3',
    mood: 'romantic',
  };
  const another = {
    title: 'Gallan Goodiyaan',
    artist: 'Yashita Sharma',
    audio: 'https://ik.imagekit.io/demo/songs/gallan.mp3',
    mood: 'happy',
  };
  return [
    {
      what: 'The collections in the database right now.',
      whatHinglish: 'Abhi database mein kaunsi collections hain.',
      command: `curl -s ${baseUrl}/api/collections`,
    },
    {
      what: 'Throw "songs" away, to watch the next save bring it back.',
      whatHinglish: '"songs" ko hata dijiye, aur dekhiye agla save use wapas le aata hai.',
      command: `curl -s -X DELETE ${baseUrl}/api/collections/songs`,
    },
    {
      what: 'Save a song: MongoDB creates "songs" if it is not there.',
      whatHinglish: 'Ek song save kijiye: "songs" nahi hai toh MongoDB use bana deta hai.',
      command: sendJson('POST', songs, song),
    },
    {
      what: 'Save another one, then look at the collections again.',
      whatHinglish: 'Ek aur save kijiye, phir collections dobara dekhiye.',
      command: sendJson('POST', songs, another),
    },
    {
      what: 'A song without an artist: 400, and nothing is saved.',
      whatHinglish: 'Artist ke bina song: 400, aur kuch save nahi hota.',
      command: sendJson('POST', songs, { title: 'Untitled', audio: 'https://example.com/a.mp3' }),
    },
    { what: 'Every song, newest first.', whatHinglish: 'Saare songs, sabse naya pehle.', command: `curl -s ${songs}` },
    { what: 'Only the happy songs.', whatHinglish: 'Sirf happy songs.', command: `curl -s "${songs}?mood=happy"` },
    {
      what: 'Change a mood: put an _id from the list in place of <_id>.',
      whatHinglish: 'Ek mood badliye: <_id> ki jagah list se ek _id daaliye.',
      command: sendJson('PATCH', `${songs}/<_id>`, { mood: 'calm' }),
    },
    {
      what: 'A mood outside the list, an _id in place of <_id> again: 400, the song keeps its mood.',
      whatHinglish: 'List se bahar ka mood, <_id> ki jagah phir ek _id: 400, song ka mood wahi rehta hai.',
      command: sendJson('PATCH', `${songs}/<_id>`, { mood: 'angry' }),
    },
    {
      what: 'Delete a song: put an _id from the list in place of <_id>.',
      whatHinglish: 'Ek song delete kijiye: <_id> ki jagah list se ek _id daaliye.',
      command: `curl -s -X DELETE ${songs}/<_id>`,
    },
    {
      what: 'Delete something that is not an id: 404, no crash.',
      whatHinglish: 'Kuch aisa delete kijiye jo id nahi hai: 404, koi crash nahi.',
      command: `curl -s -X DELETE ${songs}/not-an-id`,
    },
  ];
}
