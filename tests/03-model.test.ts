// Lesson 03: a model does create, read, update and delete on one collection: Song on "songs".
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import mongoose from 'mongoose';
import { useLesson } from './support/use-lesson.ts';
import { settleWithin } from './support/settle.ts';
import { createApp, type ModelExercise } from '../lessons/03-model/app.ts';
import { inBoth, said } from './support/said.ts';

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
    throw new Error(
      said(
        'song.model.ts does not export a model yet: export const Song = mongoose.model(…, songSchema).',
        'song.model.ts abhi koi model export nahi karta: export const Song = mongoose.model(…, songSchema) likhiye.',
      ),
    );
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
  return settleWithin(
    promise,
    5000,
    said(
      `${name} never finished: does it return (or await) the model's query?`,
      `${name} kabhi poora nahi hua: kya woh model ki query return (ya await) karta hai?`,
    ),
  );
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

const nullForUnknownIds = said(
  'gives back null for an id that matches no song, and for one that is not an id at all',
  'jo id kisi song se match na ho, aur jo id hi na ho, dono ke liye null wapas deta hai',
);

/** What a check says when `call` found no song for a well-formed id and gave back something else than null. */
function nullForNoMatch(call: string): string {
  return said(
    `${call} with an id that matches no song should give back null.`,
    `Kisi song se match na hone waali id ke saath ${call} ko null wapas dena chahiye.`,
  );
}

/** What a check says when `call`, given something that is not an id, did not give back null. */
function nullForMalformed(call: string): string {
  return said(
    `${call} should give back null: check the id first with mongoose.isObjectIdOrHexString(id).`,
    `${call} ko null wapas dena chahiye: pehle mongoose.isObjectIdOrHexString(id) se id check kijiye.`,
  );
}

describe(said('Song, the model', 'Song, yaani model'), () => {
  it(said('works on the collection "songs"', 'collection "songs" par kaam karta hai'), () => {
    const name = Song().collection.collectionName;
    expect(
      name,
      aboutMistake(
        said(
          `Your model works on the collection "${name}", not "songs": give mongoose.model() only the name 'Song' and the schema, and Mongoose names the collection "songs".`,
          `Aapka model collection "${name}" par kaam karta hai, "songs" par nahi: mongoose.model() ko sirf naam 'Song' aur schema dijiye, phir Mongoose collection ka naam "songs" rakhta hai.`,
        ),
        'Naming the collection yourself',
      ),
    ).toBe('songs');
  });

  it(
    said(
      'does not need the collection to exist: MongoDB creates it on the first save',
      'collection ka pehle se hona zaroori nahi hai: MongoDB use pehle save par bana deta hai',
    ),
    async () => {
      await Song().init(); // Mongoose creates the empty collection early on its own (autoCreate); let it finish
      await mongoose.connection.dropCollection(Song().collection.collectionName).catch(() => false);
      expect(
        await collectionNames(),
        said('The collection should be gone after dropping it.', 'Drop karne ke baad collection hat jaana chahiye.'),
      ).not.toContain('songs');

      await settled(lesson.exercise.createSong(kesariya), 'createSong()');
      const names = await collectionNames();
      expect(
        names,
        said(
          `createSong() finished, yet the collections are [${names.join(', ')}], without "songs": did createSong() return (or await) Song.create(data)? Without it, the function ends before the song is saved.`,
          `createSong() poora ho gaya, phir bhi collections [${names.join(', ')}] hain, "songs" ke bina: kya createSong() ne Song.create(data) return (ya await) kiya? Uske bina function song save hone se pehle hi khatam ho jaata hai.`,
        ),
      ).toContain('songs');
      expect(
        await mongoose.connection.db!.collection('songs').countDocuments(),
        said('The first save should put one song into "songs".', 'Pehle save se "songs" mein ek song aana chahiye.'),
      ).toBe(1);
    },
  );
});

describe(inBoth('createSong(data)'), () => {
  it(
    said(
      'saves the song and gives it back with its _id, default mood and timestamps',
      'song save karta hai aur use uske _id, default mood aur timestamps ke saath wapas deta hai',
    ),
    async () => {
      const { mood: _mood, ...withoutMood } = kesariya;
      const song = plain(await settled(lesson.exercise.createSong(withoutMood), 'createSong()'));
      expect(
        song?._id,
        said(
          'createSong() should give back the saved song, with its _id: return Song.create(data).',
          'createSong() ko save hua song uske _id ke saath wapas dena chahiye: return Song.create(data) likhiye.',
        ),
      ).toBeDefined();
      expect(
        song.mood,
        said(
          'A song saved without a mood should get the default, "calm".',
          'Bina mood ke save hue song ko default mood "calm" milna chahiye.',
        ),
      ).toBe('calm');
      expect(
        song.createdAt,
        said(
          'The saved song has no createdAt: save it with the model (Song.create).',
          'Save hue song mein createdAt nahi hai: use model se save kijiye (Song.create).',
        ),
      ).toBeInstanceOf(Date);
      const stored = await Song().collection.findOne({ _id: song._id });
      expect(
        stored?.title,
        said(
          'The song is not in the database: createSong() must save it (Song.create), not only build it.',
          'Song database mein nahi hai: createSong() ko use save karna hai (Song.create), sirf banana nahi.',
        ),
      ).toBe('Kesariya');
    },
  );

  it(
    said(
      'rejects an invalid song with a ValidationError and saves nothing',
      'galat song ko ValidationError ke saath reject karta hai aur kuch save nahi karta',
    ),
    async () => {
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
          ? said(
              'createSong() did not fail for a song with no artist: return (or await) Song.create(data), which checks the schema and throws a ValidationError.',
              'Bina artist ke song par createSong() fail nahi hua: Song.create(data) return (ya await) kijiye, jo schema check karta hai aur ValidationError throw karta hai.',
            )
          : said(
              `createSong() failed with "${String(outcome)}" instead of a ValidationError: save with Song.create(data), which checks the schema first.`,
              `createSong() ValidationError ki jagah "${String(outcome)}" ke saath fail hua: Song.create(data) se save kijiye, jo pehle schema check karta hai.`,
            ),
      ).toBeInstanceOf(mongoose.Error.ValidationError);
      expect(
        await Song().countDocuments(),
        said('A song that failed validation was saved anyway.', 'Validation mein fail hua song phir bhi save ho gaya.'),
      ).toBe(0);
    },
  );
});

describe(inBoth('listSongs({ mood })'), () => {
  it(said('lists every song, newest first', 'har song list karta hai, sabse naya pehle'), async () => {
    await insertSongsOneMinuteApart([
      { ...kesariya, title: 'Oldest' },
      { ...kesariya, title: 'Middle' },
      { ...kesariya, title: 'Newest' },
    ]);
    const titles = (await settled(lesson.exercise.listSongs(), 'listSongs()')).map((song) => plain(song).title);
    expect(
      titles.length,
      said(
        `listSongs() gave back ${titles.length} of the 3 songs: with no mood asked for, the filter must be {} ({ mood: undefined } looks for songs without a mood).`,
        `listSongs() ne 3 mein se ${titles.length} ${titles.length === 1 ? 'song' : 'songs'} diye: jab koi mood na maanga jaaye, filter {} hona chahiye ({ mood: undefined } bina mood waale songs dhoondhta hai).`,
      ),
    ).toBe(3);
    expect(
      titles,
      aboutMistake(
        said(
          'listSongs() should list the newest first: sort by createdAt, -1 (newest first).',
          'listSongs() ko sabse naya song pehle list karna chahiye: createdAt, -1 se sort kijiye (sabse naya pehle).',
        ),
        'No sort()',
      ),
    ).toEqual(['Newest', 'Middle', 'Oldest']);
  });

  it(
    said(
      'lists only the songs with the mood asked for, still newest first',
      'sirf maange gaye mood waale songs list karta hai, phir bhi sabse naya pehle',
    ),
    async () => {
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
        said(
          'listSongs({ mood: "happy" }) should give only happy songs, newest first: filter with { mood } and sort by createdAt, -1.',
          'listSongs({ mood: "happy" }) ko sirf happy songs dene chahiye, sabse naya pehle: { mood } se filter kijiye aur createdAt, -1 se sort kijiye.',
        ),
      ).toEqual(['Happy new', 'Happy old']);
    },
  );
});

describe(inBoth('updateMood(id, mood)'), () => {
  it(said('gives back the song with its new mood', 'song ko uske naye mood ke saath wapas deta hai'), async () => {
    const [song] = await insertSongsOneMinuteApart([{ ...kesariya, mood: 'sad' }]);
    const id = String((await Song().collection.findOne({ title: song.title }))!._id);
    const updated = plain(await settled(lesson.exercise.updateMood(id, 'happy'), 'updateMood()'));
    expect(
      updated,
      said(
        'updateMood() gave back nothing for a song that exists.',
        'updateMood() ne ek maujood song ke liye kuch wapas nahi diya.',
      ),
    ).toBeTruthy();
    expect(
      updated.mood,
      aboutMistake(
        said(
          "updateMood() gave back the song as it was before the update: pass { returnDocument: 'after' } (older code writes { new: true }).",
          "updateMood() ne song ko update se pehle jaisa wapas diya: { returnDocument: 'after' } dijiye (purane code mein { new: true } likha hota hai).",
        ),
        'Getting the old song back from an update',
      ),
    ).toBe('happy');
    const stored = await Song().collection.findOne({ title: song.title });
    expect(
      stored?.mood,
      said('The new mood was not saved in the database.', 'Naya mood database mein save nahi hua.'),
    ).toBe('happy');
  });

  it(
    said(
      'checks the new mood against the schema: "angry" is rejected and nothing changes',
      'naye mood ko schema se check karta hai: "angry" reject hota hai aur kuch nahi badalta',
    ),
    async () => {
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
          said(
            'updateMood(id, "angry") saved a mood that is not in the list: updates skip the schema\'s checks unless you pass runValidators: true.',
            'updateMood(id, "angry") ne list se bahar ka mood save kar diya: jab tak aap runValidators: true nahi dete, updates schema ke checks chhod dete hain.',
          ),
          'Updating without runValidators: true',
        ),
      ).toBe('sad');
      expect(
        outcome,
        said(
          'updateMood(id, "angry") should fail with a ValidationError (runValidators: true).',
          'updateMood(id, "angry") ko ValidationError ke saath fail hona chahiye (runValidators: true).',
        ),
      ).toBeInstanceOf(mongoose.Error.ValidationError);
    },
  );

  it(nullForUnknownIds, async () => {
    const unknown = await settled(
      lesson.exercise.updateMood(new mongoose.Types.ObjectId().toString(), 'happy'),
      'updateMood()',
    );
    expect(unknown, nullForNoMatch('updateMood()')).toBeNull();
    const malformed = await settled(
      lesson.exercise.updateMood('not-an-id', 'happy').catch((error: Error) => `threw ${error.name}`),
      'updateMood()',
    );
    expect(malformed, nullForMalformed('updateMood("not-an-id")')).toBeNull();
  });
});

describe(inBoth('deleteSong(id)'), () => {
  it(said('deletes the song and gives it back', 'song delete karta hai aur use wapas deta hai'), async () => {
    await insertSongsOneMinuteApart([kesariya]);
    const id = String((await Song().collection.findOne({}))!._id);
    const deleted = plain(await settled(lesson.exercise.deleteSong(id), 'deleteSong()'));
    expect(
      deleted?.title,
      said(
        'deleteSong() should give back the song it deleted (findByIdAndDelete does).',
        'deleteSong() ko delete kiya hua song wapas dena chahiye (findByIdAndDelete yahi karta hai).',
      ),
    ).toBe('Kesariya');
    expect(
      await Song().countDocuments(),
      said('The song is still in the database after deleteSong().', 'deleteSong() ke baad bhi song database mein hai.'),
    ).toBe(0);
  });

  it(nullForUnknownIds, async () => {
    await insertSongsOneMinuteApart([kesariya]);
    const unknown = await settled(lesson.exercise.deleteSong(new mongoose.Types.ObjectId().toString()), 'deleteSong()');
    expect(unknown, nullForNoMatch('deleteSong()')).toBeNull();
    const malformed = await settled(
      lesson.exercise.deleteSong('not-an-id').catch((error: Error) => `threw ${error.name}`),
      'deleteSong()',
    );
    expect(malformed, nullForMalformed('deleteSong("not-an-id")')).toBeNull();
    expect(
      await Song().countDocuments(),
      said('Deleting an unknown id removed another song.', 'Anjaan id delete karne par koi doosra song hat gaya.'),
    ).toBe(1);
  });
});

describe(said('the songs app', 'songs app'), () => {
  const app = () => createApp(lesson.exercise);

  it(
    said(
      'POST /api/songs saves a song (201) and refuses an invalid one (400)',
      'POST /api/songs song save karta hai (201) aur galat song refuse karta hai (400)',
    ),
    async () => {
      const created = await request(app()).post('/api/songs').send(kesariya);
      expect(
        created.status,
        said(
          `POST /api/songs answered ${created.status}: ${JSON.stringify(created.body)}`,
          `POST /api/songs ka jawab ${created.status} aaya: ${JSON.stringify(created.body)}`,
        ),
      ).toBe(201);
      const refused = await request(app()).post('/api/songs').send({ title: 'Untitled' });
      expect(
        refused.status,
        said(
          `POST /api/songs with no artist answered ${refused.status}, not 400.`,
          `Bina artist ke POST /api/songs ka jawab ${refused.status} aaya, 400 nahi.`,
        ),
      ).toBe(400);
      expect(
        Object.keys(refused.body.errors ?? {}),
        said(
          'The 400 answer should name the missing fields: let Song.create() throw its ValidationError.',
          '400 jawab mein missing fields ke naam hone chahiye: Song.create() ko apna ValidationError throw karne dijiye.',
        ),
      ).toEqual(expect.arrayContaining(['artist', 'audio']));
    },
  );

  it(
    said('GET /api/songs?mood=happy lists the happy songs', 'GET /api/songs?mood=happy happy songs list karta hai'),
    async () => {
      await insertSongsOneMinuteApart([
        { ...kesariya, mood: 'happy' },
        { ...kesariya, title: 'Other', mood: 'sad' },
      ]);
      const response = await request(app()).get('/api/songs?mood=happy');
      expect(
        response.body.songs?.map((song: { title: string }) => song.title),
        said(
          'GET /api/songs?mood=happy should list only the happy song: listSongs({ mood }) filters with { mood }.',
          'GET /api/songs?mood=happy ko sirf happy song list karna chahiye: listSongs({ mood }) { mood } se filter karta hai.',
        ),
      ).toEqual(['Kesariya']);
    },
  );

  it(
    said(
      'PATCH and DELETE /api/songs/:id answer 404 for an unknown or malformed id',
      'PATCH aur DELETE /api/songs/:id anjaan ya galat id par 404 jawab dete hain',
    ),
    async () => {
      const unknown = new mongoose.Types.ObjectId().toString();
      const patched = await request(app()).patch(`/api/songs/${unknown}`).send({ mood: 'happy' });
      expect(
        patched.status,
        said(
          `PATCH /api/songs/<an id no song has> answered ${patched.status}, not 404: updateMood() should give back null.`,
          `PATCH /api/songs/<aisi id jo kisi song ki nahi> ka jawab ${patched.status} aaya, 404 nahi: updateMood() ko null wapas dena chahiye.`,
        ),
      ).toBe(404);
      const deleted = await request(app()).delete('/api/songs/not-an-id');
      expect(
        deleted.status,
        said(
          `DELETE /api/songs/not-an-id answered ${deleted.status}, not 404: deleteSong() should check the id with mongoose.isObjectIdOrHexString(id) and give back null.`,
          `DELETE /api/songs/not-an-id ka jawab ${deleted.status} aaya, 404 nahi: deleteSong() ko mongoose.isObjectIdOrHexString(id) se id check karke null wapas dena chahiye.`,
        ),
      ).toBe(404);
    },
  );

  it(
    said(
      'GET /api/collections shows "songs" with its number of songs',
      'GET /api/collections "songs" ko uske songs ki ginti ke saath dikhata hai',
    ),
    async () => {
      await insertSongsOneMinuteApart([kesariya]);
      const response = await request(app()).get('/api/collections');
      expect(
        response.body.collections,
        said(
          'GET /api/collections should show "songs" holding 1 song: is your model named \'Song\'?',
          'GET /api/collections mein "songs" 1 song ke saath dikhna chahiye: kya aapke model ka naam \'Song\' hai?',
        ),
      ).toContainEqual({ name: 'songs', documents: 1 });
    },
  );
});
