// Lesson 02: the song schema checks, cleans and shapes every song before MongoDB sees it.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import request from 'supertest';
import { useLesson } from './support/use-lesson.ts';
import { settleWithin } from './support/settle.ts';
import { emptyAfterWrites } from './support/empty-after-writes.ts';
import { createApp, type SchemaExercise } from '../lessons/02-schema/app.ts';

const lesson = useLesson<SchemaExercise>('02-schema');

/** Where this file's songs go; the lesson app's model uses "songs". */
const collection = 'songs02';

/** A model of our own for the schema, so these checks never meet another file's models. */
function songModel() {
  return mongoose.models.Song02 ?? mongoose.model('Song02', lesson.exercise.songSchema, collection);
}

/** A song that follows every rule of the lesson. */
const validSong = {
  title: 'Tum Hi Ho',
  artist: 'Arijit Singh',
  audio: 'https://ik.imagekit.io/demo/songs/tum-hi-ho.mp3',
};

/** Runs the schema's checks on `data` without saving; answers `{ path: message }` for every broken field. */
async function problemsWith(data: Record<string, unknown>): Promise<Record<string, string>> {
  const Song = songModel();
  try {
    await settleWithin(
      new Song(data).validate(),
      2000,
      'Checking a song never finished: if you wrote your own validate function, make sure it returns true or false.',
    );
    return {};
  } catch (error) {
    if (!(error instanceof mongoose.Error.ValidationError)) throw error;
    return Object.fromEntries(Object.entries(error.errors).map(([path, problem]) => [path, problem.message]));
  }
}

/** Mongoose's own wording, which a learner should replace with a message a user understands. */
const defaultMessage = /Path `|Validator failed/;

/** The song as MongoDB really stored it, read with the native driver (no schema in between). */
async function storedSong(id: mongoose.Types.ObjectId) {
  return mongoose.connection.db!.collection(collection).findOne({ _id: id });
}

/** Saves a song through the schema. */
async function saveSong(data: Record<string, unknown>) {
  return settleWithin(songModel().create(data), 2000, 'Saving a song never finished.');
}

emptyAfterWrites([collection, 'songs']);

describe('a valid song', () => {
  it('passes every check', async () => {
    const problems = await problemsWith(validSong);
    expect(problems, 'A correct song was refused: the messages below say which of your rules is too strict.').toEqual(
      {},
    );
  });

  it('comes out cleaned: title and artist trimmed, mood "calm" when none is given', async () => {
    const song = new (songModel())({ ...validSong, title: '  Tum Hi Ho  ', artist: ' Arijit Singh ' });
    expect(
      song.get('title'),
      'The title "  Tum Hi Ho  " did not come out as "Tum Hi Ho": is title in the schema, with trim: true?',
    ).toBe('Tum Hi Ho');
    expect(
      song.get('artist'),
      'The artist " Arijit Singh " did not come out as "Arijit Singh": is artist in the schema, with trim: true?',
    ).toBe('Arijit Singh');
    expect(
      song.get('mood'),
      'A song sent without a mood should get the mood "calm": give mood the rule default: \'calm\'.',
    ).toBe('calm');
  });

  it('gets createdAt and updatedAt when it is saved', async () => {
    const saved = await saveSong(validSong);
    const stored = await storedSong(saved._id);
    expect(stored, 'The saved song is not in the database.').toBeTruthy();
    expect(
      stored!.createdAt,
      'The saved song has no createdAt: pass { timestamps: true } as the second argument of new mongoose.Schema(…).',
    ).toBeInstanceOf(Date);
    expect(
      stored!.updatedAt,
      'The saved song has no updatedAt: pass { timestamps: true } as the second argument of new mongoose.Schema(…).',
    ).toBeInstanceOf(Date);
  });
});

/** Expects a problem with `path` (else fails with `accepted`) and with no other field. */
function expectOnlyProblem(problems: Record<string, string>, path: string, accepted: string) {
  expect(problems[path], accepted).toBeDefined();
  const others = Object.entries(problems).filter(([other]) => other !== path);
  const complaints = others.map(([other, message]) => `${other} ("${message}")`).join(', ');
  expect(
    others,
    `Only ${path} is wrong in this song, yet your schema also complained about ${complaints}: that rule is too strict.`,
  ).toEqual([]);
}

describe('title', () => {
  it('is required, with a message of your own', async () => {
    const problems = await problemsWith({ artist: validSong.artist, audio: validSong.audio });
    expectOnlyProblem(
      problems,
      'title',
      aboutMistake(
        "A song without a title was accepted: make title required, e.g. required: [true, 'A song needs a title'].",
        'Forgetting required',
      ),
    );
    expect(
      problems.title,
      "The message for a missing title is Mongoose's default: give required your own message, e.g. required: [true, 'A song needs a title'].",
    ).not.toMatch(defaultMessage);
  });

  it('counts a title of only spaces as missing', async () => {
    const problems = await problemsWith({ ...validSong, title: '    ' });
    expectOnlyProblem(
      problems,
      'title',
      'A title of only spaces was accepted: title needs both trim: true and required, so the spaces are cut off and the empty title is refused.',
    );
  });
});

describe('artist', () => {
  it('is required, with a message of your own', async () => {
    const problems = await problemsWith({ title: validSong.title, audio: validSong.audio });
    expectOnlyProblem(
      problems,
      'artist',
      "A song without an artist was accepted: make artist required, e.g. required: [true, 'A song needs an artist'].",
    );
    expect(
      problems.artist,
      "The message for a missing artist is Mongoose's default: give required your own message, e.g. required: [true, 'A song needs an artist'].",
    ).not.toMatch(defaultMessage);
  });
});

describe('audio', () => {
  it('is required, with a message of your own', async () => {
    const problems = await problemsWith({ title: validSong.title, artist: validSong.artist });
    expectOnlyProblem(
      problems,
      'audio',
      "A song without audio was accepted: make audio required, e.g. required: [true, 'A song needs an audio URL'].",
    );
    expect(
      problems.audio,
      "The message for a missing audio is Mongoose's default: give required your own message.",
    ).not.toMatch(defaultMessage);
  });

  it.each([
    'song.mp3',
    'ftp://files.example.com/song.mp3',
    'C:\\Music\\song.mp3',
    'my song: https://cdn.example.com/song.mp3',
  ])('must be an http:// or https:// URL, so "%s" is refused with a message of your own', async (audio) => {
    const problems = await problemsWith({ ...validSong, audio });
    expectOnlyProblem(
      problems,
      'audio',
      aboutMistake(
        `The audio "${audio}" was accepted: add a rule to audio so it must be a URL starting with http:// or https://, e.g. match: [/^https?:\\/\\//, 'your message'], where ^ means "at the very start".`,
        'Trusting a URL field',
      ),
    );
    expect(
      problems.audio,
      `The message for a bad audio URL is Mongoose's default: give the rule your own message, e.g. match: [/^https?:\\/\\//, 'The audio must be a web address'].`,
    ).not.toMatch(defaultMessage);
  });

  it.each(['https://ik.imagekit.io/demo/songs/tum-hi-ho.mp3', 'http://cdn.example.com/songs/kesariya.mp3'])(
    'accepts the URL %s',
    async (audio) => {
      const problems = await problemsWith({ ...validSong, audio });
      expect(
        problems,
        `The audio URL ${audio} was refused: your URL rule is too strict; it only needs to start with http:// or https://.`,
      ).toEqual({});
    },
  );
});

describe('mood', () => {
  it.each(['happy', 'sad', 'calm', 'energetic', 'romantic'])('accepts "%s"', async (mood) => {
    const problems = await problemsWith({ ...validSong, mood });
    expect(
      problems,
      `The mood "${mood}" was refused: list all five moods in enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'].`,
    ).toEqual({});
  });

  it('refuses a mood outside the list, like "angry"', async () => {
    const problems = await problemsWith({ ...validSong, mood: 'angry' });
    expectOnlyProblem(
      problems,
      'mood',
      aboutMistake(
        "The mood \"angry\" was accepted: a String alone allows any word; list the allowed moods with enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'].",
        'A free String where you meant a fixed list',
      ),
    );
  });
});

describe('duration', () => {
  it('casts "215" sent as text to the number 215', async () => {
    const song = new (songModel())({ ...validSong, duration: '215' });
    expect(
      song.get('duration'),
      aboutMistake(
        'The duration "215" did not become the number 215: give duration type: Number, and Mongoose casts the text "215" to 215.',
        'Typing a number as String',
      ),
    ).toBe(215);
  });

  it('refuses "abc", which is not a number', async () => {
    const problems = await problemsWith({ ...validSong, duration: 'abc' });
    expectOnlyProblem(
      problems,
      'duration',
      'The duration "abc" was accepted: give duration type: Number, so text that is not a number is refused.',
    );
  });

  it('refuses a negative duration', async () => {
    const problems = await problemsWith({ ...validSong, duration: -5 });
    expectOnlyProblem(
      problems,
      'duration',
      'A duration of -5 seconds was accepted: duration should be a Number with the rule min: 0.',
    );
  });

  it('is optional', async () => {
    const problems = await problemsWith(validSong);
    expect(
      problems.duration,
      'A song without a duration was refused: duration should not be required.',
    ).toBeUndefined();
  });
});

describe('unknown fields', () => {
  it('are dropped and never reach the database', async () => {
    const saved = await saveSong({ ...validSong, plays: 1_000_000, uploadedBy: 'someone' });
    const stored = await storedSong(saved._id);
    expect(stored, 'The saved song is not in the database.').toBeTruthy();
    expect(stored!.title, 'The saved song has no title: is title in your schema?').toBe(validSong.title);
    expect(
      Object.keys(stored!),
      'Fields that are not in the schema reached the database: leave the schema in its default strict mode (no strict: false).',
    ).not.toContain('plays');
    expect(
      Object.keys(stored!),
      'Fields that are not in the schema reached the database: leave the schema in its default strict mode (no strict: false).',
    ).not.toContain('uploadedBy');
  });
});

describe('POST /api/songs/check', () => {
  it('answers 200 with the cleaned song', async () => {
    const response = await request(createApp(lesson.exercise))
      .post('/api/songs/check')
      .send({ ...validSong, title: '  Tum Hi Ho ', duration: '262', plays: 5 });
    expect(response.status, `The app refused a correct song: ${JSON.stringify(response.body)}`).toBe(200);
    expect(response.body.ok).toBe(true);
    expect(
      response.body.song,
      'The app did not answer with the cleaned song: check trim on title, default on mood and type: Number on duration.',
    ).toMatchObject({
      title: 'Tum Hi Ho',
      artist: validSong.artist,
      audio: validSong.audio,
      mood: 'calm',
      duration: 262,
    });
    expect(response.body.song, 'The unknown field "plays" came back: the schema should drop it.').not.toHaveProperty(
      'plays',
    );
  });

  it('answers 400 with one readable message per broken field', async () => {
    const response = await request(createApp(lesson.exercise))
      .post('/api/songs/check')
      .send({ audio: 'song.mp3', mood: 'angry' });
    const ruleFor: Record<string, string> = {
      title: 'title is not required',
      artist: 'artist is not required',
      audio: 'audio does not have to be an http(s) URL',
      mood: 'mood has no enum of allowed moods',
    };
    const letThrough = Object.keys(ruleFor).filter((field) => !(field in (response.body.errors ?? {})));
    expect(
      letThrough,
      `The app let broken fields through, because ${letThrough.map((field) => ruleFor[field]).join(', ')}.`,
    ).toEqual([]);
    expect(response.status).toBe(400);
    expect(response.body.ok).toBe(false);
    expect(
      response.body.errors.title,
      "The message for a missing title is Mongoose's default: give required your own message.",
    ).not.toMatch(defaultMessage);
  });

  it('answers 400 in JSON when the body is not valid JSON', async () => {
    const response = await request(createApp(lesson.exercise))
      .post('/api/songs/check')
      .set('Content-Type', 'application/json')
      .send('{ "title": "Tum Hi Ho", ');
    expect(response.status).toBe(400);
    expect(response.body.ok).toBe(false);
    expect(response.body.error).toMatch(/JSON/);
  });
});

describe('POST /api/songs', () => {
  it('saves the cleaned song with createdAt and answers 201', async () => {
    const response = await request(createApp(lesson.exercise))
      .post('/api/songs')
      .send({ ...validSong, title: ' Kesariya ', mood: 'romantic' });
    expect(response.status, `The app did not save a correct song: ${JSON.stringify(response.body)}`).toBe(201);
    expect(
      response.body.song,
      'The app did not answer with the saved, cleaned song: check trim on title and the moods in enum.',
    ).toMatchObject({ title: 'Kesariya', mood: 'romantic' });
    expect(
      response.body.song.createdAt,
      'The saved song has no createdAt: add { timestamps: true } to the schema.',
    ).toBeTypeOf('string');
  });

  it('saves nothing when the song breaks a rule', async () => {
    const app = createApp(lesson.exercise);
    const response = await request(app)
      .post('/api/songs')
      .send({ ...validSong, mood: 'angry' });
    expect(response.status, 'The app saved a song with the mood "angry": list the allowed moods with enum.').toBe(400);
    const stored = await mongoose.connection.db!.collection('songs').countDocuments();
    expect(stored, 'A song that broke a rule reached the database.').toBe(0);
  });
});

describe('GET /api/songs', () => {
  it('lists the saved songs', async () => {
    const app = createApp(lesson.exercise);
    await request(app).post('/api/songs').send(validSong).expect(201);
    const response = await request(app).get('/api/songs');
    expect(response.status).toBe(200);
    const titles = response.body.songs.map((song: { title?: string }) => song.title);
    expect(titles, 'The list does not show the saved song with its title: is title in your schema?').toEqual([
      validSong.title,
    ]);
  });
});
