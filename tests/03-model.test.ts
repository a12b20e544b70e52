// Lesson 03: a model does create, read, update and delete on one collection: Song on "songs".
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import mongoose from 'mongoose';
import { useLesson } from './support/use-lesson.ts';
import { settleWithin } from './support/settle.ts';
import { createApp, type ModelExercise } from '../lessons/03-model/app.ts';

const lesson = useLesson<ModelExercise>('03-model');

const kesariya = {
  title: 'Kesariya',
  artist: 'Arijit Singh',
  audio: 'https://ik.imagekit.io/demo/kesariya.mp3',
  mood: 'romantic',
};

/** The learner's model, or a plain explanation when song.model.ts does not export one yet. */
function Song(): mongoose.Model<any> {
  const model = lesson.exercise.Song;
  if (typeof model?.find !== 'function') {
    throw new Error('song.model.ts does not export a model yet: export const Song = mongoose.model(…, songSchema).');
  }
  return model;
}

/** The names of the collections that exist in the database right now. */
async function collectionNames(): Promise<string[]> {
  const infos = await mongoose.connection.db!.listCollections({}, { nameOnly: true }).toArray();
  return infos.map((info) => info.name).sort();
}

/** Waits for a learner function's promise, with a plain explanation if it never settles. */
function settled<T>(promise: Promise<T>, name: string): Promise<T> {
  return settleWithin(promise, 5000, `${name} never finished: does it return (or await) the model's query?`);
}

/** Saves songs straight into "songs", one minute apart, oldest first (no learner code involved). */
async function insertSongsOneMinuteApart(songs: Array<Record<string, unknown>>): Promise<Array<Record<string, any>>> {
  const start = Date.now() - songs.length * 60_000;
  const documents = songs.map((song, index) => {
    const at = new Date(start + index * 60_000);
    return { mood: 'calm', ...song, createdAt: at, updatedAt: at, __v: 0 };
  });
  await Song().collection.insertMany(documents);
  return documents;
}

/** A song as plain data, whatever the learner's function gave back (document or object). */
function plain(song: unknown): Record<string, any> {
  const value = song as { toObject?: () => Record<string, any> } | null;
  return typeof value?.toObject === 'function' ? value.toObject() : (value as Record<string, any>);
}

beforeEach(async () => {
  await Song().deleteMany({});
});

describe('Song, the model', () => {
  it('works on the collection "songs"', () => {
    const name = Song().collection.collectionName;
    expect(
      name,
      aboutMistake(
        `Your model works on the collection "${name}", not "songs": give mongoose.model() only the name 'Song' and the schema, and Mongoose names the collection "songs".`,
        'Naming the collection yourself',
      ),
    ).toBe('songs');
  });

  it('does not need the collection to exist: MongoDB creates it on the first save', async () => {
    await Song().init(); // Mongoose creates the empty collection early on its own (autoCreate); let it finish
    await mongoose.connection.dropCollection(Song().collection.collectionName).catch(() => false);
    expect(await collectionNames(), 'The collection should be gone after dropping it.').not.toContain('songs');

    await settled(lesson.exercise.createSong(kesariya), 'createSong()');
    const names = await collectionNames();
    expect(
      names,
      `createSong() finished, yet the collections are [${names.join(', ')}], without "songs": did createSong() return (or await) Song.create(data)? Without it, the function ends before the song is saved.`,
    ).toContain('songs');
    expect(
      await mongoose.connection.db!.collection('songs').countDocuments(),
      'The first save should put one song into "songs".',
    ).toBe(1);
  });
});

describe('createSong(data)', () => {
  it('saves the song and gives it back with its _id, default mood and timestamps', async () => {
    const { mood: _mood, ...withoutMood } = kesariya;
    const song = plain(await settled(lesson.exercise.createSong(withoutMood), 'createSong()'));
    expect(
      song?._id,
      'createSong() should give back the saved song, with its _id: return Song.create(data).',
    ).toBeDefined();
    expect(song.mood, 'A song saved without a mood should get the default, "calm".').toBe('calm');
    expect(song.createdAt, 'The saved song has no createdAt: save it with the model (Song.create).').toBeInstanceOf(
      Date,
    );
    const stored = await Song().collection.findOne({ _id: song._id });
    expect(
      stored?.title,
      'The song is not in the database: createSong() must save it (Song.create), not only build it.',
    ).toBe('Kesariya');
  });

  it('rejects an invalid song with a ValidationError and saves nothing', async () => {
    const outcome = await settled(
      lesson.exercise.createSong({ title: 'No artist here', audio: 'not a url' }).then(
        () => undefined,
        (error: unknown) => error,
      ),
      'createSong()',
    );
    expect(
      outcome,
      outcome === undefined
        ? 'createSong() did not fail for a song with no artist: return (or await) Song.create(data), which checks the schema and throws a ValidationError.'
        : `createSong() failed with "${String(outcome)}" instead of a ValidationError: save with Song.create(data), which checks the schema first.`,
    ).toBeInstanceOf(mongoose.Error.ValidationError);
    expect(await Song().countDocuments(), 'A song that failed validation was saved anyway.').toBe(0);
  });
});

describe('listSongs({ mood })', () => {
  it('lists every song, newest first', async () => {
    await insertSongsOneMinuteApart([
      { ...kesariya, title: 'Oldest' },
      { ...kesariya, title: 'Middle' },
      { ...kesariya, title: 'Newest' },
    ]);
    const titles = (await settled(lesson.exercise.listSongs(), 'listSongs()')).map((song) => plain(song).title);
    expect(
      titles.length,
      `listSongs() gave back ${titles.length} of the 3 songs: with no mood asked for, the filter must be {} ({ mood: undefined } looks for songs without a mood).`,
    ).toBe(3);
    expect(
      titles,
      aboutMistake('listSongs() should list the newest first: sort by createdAt, -1 (newest first).', 'No sort()'),
    ).toEqual(['Newest', 'Middle', 'Oldest']);
  });

  it('lists only the songs with the mood asked for, still newest first', async () => {
    await insertSongsOneMinuteApart([
      { ...kesariya, title: 'Happy old', mood: 'happy' },
      { ...kesariya, title: 'Sad', mood: 'sad' },
      { ...kesariya, title: 'Happy new', mood: 'happy' },
    ]);
    const titles = (await settled(lesson.exercise.listSongs({ mood: 'happy' }), 'listSongs()')).map(
      (song) => plain(song).title,
    );
    expect(
      titles,
      'listSongs({ mood: "happy" }) should give only happy songs, newest first: filter with { mood } and sort by createdAt, -1.',
    ).toEqual(['Happy new', 'Happy old']);
  });
});

describe('updateMood(id, mood)', () => {
  it('gives back the song with its new mood', async () => {
    const [song] = await insertSongsOneMinuteApart([{ ...kesariya, mood: 'sad' }]);
    const id = String((await Song().collection.findOne({ title: song.title }))!._id);
    const updated = plain(await settled(lesson.exercise.updateMood(id, 'happy'), 'updateMood()'));
    expect(updated, 'updateMood() gave back nothing for a song that exists.').toBeTruthy();
    expect(
      updated.mood,
      aboutMistake(
        "updateMood() gave back the song as it was before the update: pass { returnDocument: 'after' } (older code writes { new: true }).",
        'Getting the old song back from an update',
      ),
    ).toBe('happy');
    const stored = await Song().collection.findOne({ title: song.title });
    expect(stored?.mood, 'The new mood was not saved in the database.').toBe('happy');
  });

  it('checks the new mood against the schema: "angry" is rejected and nothing changes', async () => {
    await insertSongsOneMinuteApart([{ ...kesariya, mood: 'sad' }]);
    const id = String((await Song().collection.findOne({}))!._id);
    const outcome = await settled(
      lesson.exercise.updateMood(id, 'angry').then(
        () => undefined,
        (error: unknown) => error,
      ),
      'updateMood()',
    );
    const stored = await Song().collection.findOne({});
    expect(
      stored?.mood,
      aboutMistake(
        'updateMood(id, "angry") saved a mood that is not in the list: updates skip the schema\'s checks unless you pass runValidators: true.',
        'Updating without runValidators: true',
      ),
    ).toBe('sad');
    expect(outcome, 'updateMood(id, "angry") should fail with a ValidationError (runValidators: true).').toBeInstanceOf(
      mongoose.Error.ValidationError,
    );
  });

  it('gives back null for an id that matches no song, and for one that is not an id at all', async () => {
    const unknown = await settled(
      lesson.exercise.updateMood(new mongoose.Types.ObjectId().toString(), 'happy'),
      'updateMood()',
    );
    expect(unknown, 'updateMood() with an id that matches no song should give back null.').toBeNull();
    const malformed = await settled(
      lesson.exercise.updateMood('not-an-id', 'happy').catch((error: Error) => `threw ${error.name}`),
      'updateMood()',
    );
    expect(
      malformed,
      'updateMood("not-an-id") should give back null: check the id first with mongoose.isObjectIdOrHexString(id).',
    ).toBeNull();
  });
});

describe('deleteSong(id)', () => {
  it('deletes the song and gives it back', async () => {
    await insertSongsOneMinuteApart([kesariya]);
    const id = String((await Song().collection.findOne({}))!._id);
    const deleted = plain(await settled(lesson.exercise.deleteSong(id), 'deleteSong()'));
    expect(deleted?.title, 'deleteSong() should give back the song it deleted (findByIdAndDelete does).').toBe(
      'Kesariya',
    );
    expect(await Song().countDocuments(), 'The song is still in the database after deleteSong().').toBe(0);
  });

  it('gives back null for an id that matches no song, and for one that is not an id at all', async () => {
    await insertSongsOneMinuteApart([kesariya]);
    const unknown = await settled(lesson.exercise.deleteSong(new mongoose.Types.ObjectId().toString()), 'deleteSong()');
    expect(unknown, 'deleteSong() with an id that matches no song should give back null.').toBeNull();
    const malformed = await settled(
      lesson.exercise.deleteSong('not-an-id').catch((error: Error) => `threw ${error.name}`),
      'deleteSong()',
    );
    expect(
      malformed,
      'deleteSong("not-an-id") should give back null: check the id first with mongoose.isObjectIdOrHexString(id).',
    ).toBeNull();
    expect(await Song().countDocuments(), 'Deleting an unknown id removed another song.').toBe(1);
  });
});

describe('the songs app', () => {
  const app = () => createApp(lesson.exercise);

  it('POST /api/songs saves a song (201) and refuses an invalid one (400)', async () => {
    const created = await request(app()).post('/api/songs').send(kesariya);
    expect(created.status, `POST /api/songs answered ${created.status}: ${JSON.stringify(created.body)}`).toBe(201);
    const refused = await request(app()).post('/api/songs').send({ title: 'Untitled' });
    expect(refused.status, `POST /api/songs with no artist answered ${refused.status}, not 400.`).toBe(400);
    expect(
      Object.keys(refused.body.errors ?? {}),
      'The 400 answer should name the missing fields: let Song.create() throw its ValidationError.',
    ).toEqual(expect.arrayContaining(['artist', 'audio']));
  });

  it('GET /api/songs?mood=happy lists the happy songs', async () => {
    await insertSongsOneMinuteApart([
      { ...kesariya, mood: 'happy' },
      { ...kesariya, title: 'Other', mood: 'sad' },
    ]);
    const response = await request(app()).get('/api/songs?mood=happy');
    expect(
      response.body.songs?.map((song: { title: string }) => song.title),
      'GET /api/songs?mood=happy should list only the happy song: listSongs({ mood }) filters with { mood }.',
    ).toEqual(['Kesariya']);
  });

  it('PATCH and DELETE /api/songs/:id answer 404 for an unknown or malformed id', async () => {
    const unknown = new mongoose.Types.ObjectId().toString();
    const patched = await request(app()).patch(`/api/songs/${unknown}`).send({ mood: 'happy' });
    expect(
      patched.status,
      `PATCH /api/songs/<an id no song has> answered ${patched.status}, not 404: updateMood() should give back null.`,
    ).toBe(404);
    const deleted = await request(app()).delete('/api/songs/not-an-id');
    expect(
      deleted.status,
      `DELETE /api/songs/not-an-id answered ${deleted.status}, not 404: deleteSong() should check the id with mongoose.isObjectIdOrHexString(id) and give back null.`,
    ).toBe(404);
  });

  it('GET /api/collections shows "songs" with its number of songs', async () => {
    await insertSongsOneMinuteApart([kesariya]);
    const response = await request(app()).get('/api/collections');
    expect(
      response.body.collections,
      'GET /api/collections should show "songs" holding 1 song: is your model named \'Song\'?',
    ).toContainEqual({ name: 'songs', documents: 1 });
  });
});
