// Lesson 02: the song schema checks, cleans and shapes every song before MongoDB sees it.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { describe, expect, it } from 'vitest';
import mongoose from 'mongoose';
import request from 'supertest';
import { useLesson } from './support/use-lesson.ts';
import { settleWithin } from './support/settle.ts';
import { emptyAfterWrites } from './support/empty-after-writes.ts';
import { createApp, type SchemaExercise } from '../lessons/02-schema/app.ts';
import { inBoth, said } from './support/said.ts';

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
      said(
        'Checking a song never finished: if you wrote your own validate function, make sure it returns true or false.',
        'Song ki checking kabhi poori nahi hui: agar aapne apna validate function likha hai, toh dekhiye ki woh true ya false return kare.',
      ),
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
  return settleWithin(
    songModel().create(data),
    2000,
    said('Saving a song never finished.', 'Song ka save kabhi poora nahi hua.'),
  );
}

emptyAfterWrites([collection, 'songs']);

const notInDatabase = said('The saved song is not in the database.', 'Save hua song database mein nahi hai.');
const unknownFieldsSaved = said(
  'Fields that are not in the schema reached the database: leave the schema in its default strict mode (no strict: false).',
  'Jo fields schema mein nahi hain, woh database tak pahunch gayin: schema ko uske default strict mode mein rehne dijiye (strict: false mat likhiye).',
);
const requiredOwnMessage = said('is required, with a message of your own', 'required hai, aapke apne message ke saath');

describe(said('a valid song', 'ek sahi song'), () => {
  it(said('passes every check', 'har check pass karta hai'), async () => {
    const problems = await problemsWith(validSong);
    expect(
      problems,
      said(
        'A correct song was refused: the messages below say which of your rules is too strict.',
        'Ek sahi song refuse ho gaya: neeche ke messages batate hain ki aapka kaunsa rule zyada strict hai.',
      ),
    ).toEqual({});
  });

  it(
    said(
      'comes out cleaned: title and artist trimmed, mood "calm" when none is given',
      'saaf hokar nikalta hai: title aur artist trim hote hain, mood na diya ho toh "calm" milta hai',
    ),
    async () => {
      const song = new (songModel())({ ...validSong, title: '  Tum Hi Ho  ', artist: ' Arijit Singh ' });
      expect(
        song.get('title'),
        said(
          'The title "  Tum Hi Ho  " did not come out as "Tum Hi Ho": is title in the schema, with trim: true?',
          'Title "  Tum Hi Ho  " se "Tum Hi Ho" nahi bana: kya title schema mein trim: true ke saath hai?',
        ),
      ).toBe('Tum Hi Ho');
      expect(
        song.get('artist'),
        said(
          'The artist " Arijit Singh " did not come out as "Arijit Singh": is artist in the schema, with trim: true?',
          'Artist " Arijit Singh " se "Arijit Singh" nahi bana: kya artist schema mein trim: true ke saath hai?',
        ),
      ).toBe('Arijit Singh');
      expect(
        song.get('mood'),
        said(
          'A song sent without a mood should get the mood "calm": give mood the rule default: \'calm\'.',
          'Bina mood ke bheje gaye song ko mood "calm" milna chahiye: mood ko rule default: \'calm\' dijiye.',
        ),
      ).toBe('calm');
    },
  );

  it(
    said('gets createdAt and updatedAt when it is saved', 'save hone par createdAt aur updatedAt paata hai'),
    async () => {
      const saved = await saveSong(validSong);
      const stored = await storedSong(saved._id);
      expect(stored, notInDatabase).toBeTruthy();
      expect(
        stored!.createdAt,
        said(
          'The saved song has no createdAt: pass { timestamps: true } as the second argument of new mongoose.Schema(…).',
          'Save hue song mein createdAt nahi hai: new mongoose.Schema(…) ke doosre argument mein { timestamps: true } dijiye.',
        ),
      ).toBeInstanceOf(Date);
      expect(
        stored!.updatedAt,
        said(
          'The saved song has no updatedAt: pass { timestamps: true } as the second argument of new mongoose.Schema(…).',
          'Save hue song mein updatedAt nahi hai: new mongoose.Schema(…) ke doosre argument mein { timestamps: true } dijiye.',
        ),
      ).toBeInstanceOf(Date);
    },
  );
});

/** Expects a problem with `path` (else fails with `accepted`) and with no other field. */
function expectOnlyProblem(problems: Record<string, string>, path: string, accepted: string) {
  expect(problems[path], accepted).toBeDefined();
  const others = Object.entries(problems).filter(([other]) => other !== path);
  const complaints = others.map(([other, message]) => `${other} ("${message}")`).join(', ');
  expect(
    others,
    said(
      `Only ${path} is wrong in this song, yet your schema also complained about ${complaints}: that rule is too strict.`,
      `Is song mein sirf ${path} galat hai, phir bhi aapke schema ne ${complaints} par bhi shikayat ki: woh rule zyada strict hai.`,
    ),
  ).toEqual([]);
}

/** What a check says when Mongoose's own message stands where the learner's should. */
function defaultMessageOf(field: string, example = ''): string {
  return said(
    `The message for a missing ${field} is Mongoose's default: give required your own message${example ? `, e.g. ${example}` : ''}.`,
    `Jab ${field} missing hota hai, tab Mongoose ka default message aata hai: required ko apna message dijiye${example ? `, jaise ${example}` : ''}.`,
  );
}

describe(inBoth('title'), () => {
  it(requiredOwnMessage, async () => {
    const problems = await problemsWith({ artist: validSong.artist, audio: validSong.audio });
    expectOnlyProblem(
      problems,
      'title',
      aboutMistake(
        said(
          "A song without a title was accepted: make title required, e.g. required: [true, 'A song needs a title'].",
          "Bina title ka song accept ho gaya: title ko required banaiye, jaise required: [true, 'A song needs a title'].",
        ),
        'Forgetting required',
      ),
    );
    expect(problems.title, defaultMessageOf('title', "required: [true, 'A song needs a title']")).not.toMatch(
      defaultMessage,
    );
  });

  it(said('counts a title of only spaces as missing', 'sirf spaces waale title ko missing maanta hai'), async () => {
    const problems = await problemsWith({ ...validSong, title: '    ' });
    expectOnlyProblem(
      problems,
      'title',
      said(
        'A title of only spaces was accepted: title needs both trim: true and required, so the spaces are cut off and the empty title is refused.',
        'Sirf spaces waala title accept ho gaya: title ko trim: true aur required dono chahiye, taaki spaces kat jaayein aur khaali title refuse ho.',
      ),
    );
  });
});

describe(inBoth('artist'), () => {
  it(requiredOwnMessage, async () => {
    const problems = await problemsWith({ title: validSong.title, audio: validSong.audio });
    expectOnlyProblem(
      problems,
      'artist',
      said(
        "A song without an artist was accepted: make artist required, e.g. required: [true, 'A song needs an artist'].",
        "Bina artist ka song accept ho gaya: artist ko required banaiye, jaise required: [true, 'A song needs an artist'].",
      ),
    );
    expect(problems.artist, defaultMessageOf('artist', "required: [true, 'A song needs an artist']")).not.toMatch(
      defaultMessage,
    );
  });
});

describe(inBoth('audio'), () => {
  it(requiredOwnMessage, async () => {
    const problems = await problemsWith({ title: validSong.title, artist: validSong.artist });
    expectOnlyProblem(
      problems,
      'audio',
      said(
        "A song without audio was accepted: make audio required, e.g. required: [true, 'A song needs an audio URL'].",
        "Bina audio ka song accept ho gaya: audio ko required banaiye, jaise required: [true, 'A song needs an audio URL'].",
      ),
    );
    expect(problems.audio, defaultMessageOf('audio')).not.toMatch(defaultMessage);
  });

  for (const audio of [
    'song.mp3',
    'ftp://files.example.com/song.mp3',
    'C:\\Music\\song.mp3',
    'my song: https://cdn.example.com/song.mp3',
  ])
    it(
      said(
        `must be an http:// or https:// URL, so "${audio}" is refused with a message of your own`,
        `http:// ya https:// URL hona chahiye, isliye "${audio}" aapke apne message ke saath refuse hota hai`,
      ),
      async () => {
        const problems = await problemsWith({ ...validSong, audio });
        expectOnlyProblem(
          problems,
          'audio',
          aboutMistake(
            said(
              `The audio "${audio}" was accepted: add a rule to audio so it must be a URL starting with http:// or https://, e.g. match: [/^https?:\\/\\//, 'your message'], where ^ means "at the very start".`,
              `Audio "${audio}" accept ho gaya: audio mein ek rule jodiye ki woh http:// ya https:// se shuru hone waala URL ho, jaise match: [/^https?:\\/\\//, 'your message'], jahan ^ ka matlab hai "bilkul shuru mein".`,
            ),
            'Trusting a URL field',
          ),
        );
        expect(
          problems.audio,
          said(
            `The message for a bad audio URL is Mongoose's default: give the rule your own message, e.g. match: [/^https?:\\/\\//, 'The audio must be a web address'].`,
            `Galat audio URL ka message Mongoose ka default message hai: rule ko apna message dijiye, jaise match: [/^https?:\\/\\//, 'The audio must be a web address'].`,
          ),
        ).not.toMatch(defaultMessage);
      },
    );

  for (const audio of ['https://ik.imagekit.io/demo/songs/tum-hi-ho.mp3', 'http://cdn.example.com/songs/kesariya.mp3'])
    it(said(`accepts the URL ${audio}`, `URL ${audio} accept karta hai`), async () => {
      const problems = await problemsWith({ ...validSong, audio });
      expect(
        problems,
        said(
          `The audio URL ${audio} was refused: your URL rule is too strict; it only needs to start with http:// or https://.`,
          `Audio URL ${audio} refuse ho gaya: aapka URL rule zyada strict hai; URL ko bas http:// ya https:// se shuru hona chahiye.`,
        ),
      ).toEqual({});
    });
});

describe(inBoth('mood'), () => {
  for (const mood of ['happy', 'sad', 'calm', 'energetic', 'romantic'])
    it(said(`accepts "${mood}"`, `"${mood}" accept karta hai`), async () => {
      const problems = await problemsWith({ ...validSong, mood });
      expect(
        problems,
        said(
          `The mood "${mood}" was refused: list all five moods in enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'].`,
          `Mood "${mood}" refuse ho gaya: enum mein paanchon moods likhiye: ['happy', 'sad', 'calm', 'energetic', 'romantic'].`,
        ),
      ).toEqual({});
    });

  it(
    said('refuses a mood outside the list, like "angry"', 'list se bahar ka mood, jaise "angry", refuse karta hai'),
    async () => {
      const problems = await problemsWith({ ...validSong, mood: 'angry' });
      expectOnlyProblem(
        problems,
        'mood',
        aboutMistake(
          said(
            "The mood \"angry\" was accepted: a String alone allows any word; list the allowed moods with enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'].",
            "Mood \"angry\" accept ho gaya: sirf String har shabd allow karta hai; allowed moods enum mein likhiye: ['happy', 'sad', 'calm', 'energetic', 'romantic'].",
          ),
          'A free String where you meant a fixed list',
        ),
      );
    },
  );
});

describe(inBoth('duration'), () => {
  it(
    said('casts "215" sent as text to the number 215', 'text mein bheje gaye "215" ko number 215 mein badalta hai'),
    async () => {
      const song = new (songModel())({ ...validSong, duration: '215' });
      expect(
        song.get('duration'),
        aboutMistake(
          said(
            'The duration "215" did not become the number 215: give duration type: Number, and Mongoose casts the text "215" to 215.',
            'Duration "215" number 215 nahi bana: duration ko type: Number dijiye, phir Mongoose text "215" ko 215 mein badal deta hai.',
          ),
          'Typing a number as String',
        ),
      ).toBe(215);
    },
  );

  it(said('refuses "abc", which is not a number', '"abc" refuse karta hai, kyunki woh number nahi hai'), async () => {
    const problems = await problemsWith({ ...validSong, duration: 'abc' });
    expectOnlyProblem(
      problems,
      'duration',
      said(
        'The duration "abc" was accepted: give duration type: Number, so text that is not a number is refused.',
        'Duration "abc" accept ho gaya: duration ko type: Number dijiye, taaki jo text number nahi hai woh refuse ho.',
      ),
    );
  });

  it(said('refuses a negative duration', 'negative duration refuse karta hai'), async () => {
    const problems = await problemsWith({ ...validSong, duration: -5 });
    expectOnlyProblem(
      problems,
      'duration',
      said(
        'A duration of -5 seconds was accepted: duration should be a Number with the rule min: 0.',
        '-5 seconds ki duration accept ho gayi: duration ek Number honi chahiye, rule min: 0 ke saath.',
      ),
    );
  });

  it(said('is optional', 'optional hai'), async () => {
    const problems = await problemsWith(validSong);
    expect(
      problems.duration,
      said(
        'A song without a duration was refused: duration should not be required.',
        'Bina duration ka song refuse ho gaya: duration required nahi honi chahiye.',
      ),
    ).toBeUndefined();
  });
});

describe(said('unknown fields', 'anjaan fields'), () => {
  it(
    said('are dropped and never reach the database', 'hata di jaati hain aur database tak kabhi nahi pahunchtin'),
    async () => {
      const saved = await saveSong({ ...validSong, plays: 1_000_000, uploadedBy: 'someone' });
      const stored = await storedSong(saved._id);
      expect(stored, notInDatabase).toBeTruthy();
      expect(
        stored!.title,
        said(
          'The saved song has no title: is title in your schema?',
          'Save hue song mein title nahi hai: kya title aapke schema mein hai?',
        ),
      ).toBe(validSong.title);
      expect(Object.keys(stored!), unknownFieldsSaved).not.toContain('plays');
      expect(Object.keys(stored!), unknownFieldsSaved).not.toContain('uploadedBy');
    },
  );
});

describe(inBoth('POST /api/songs/check'), () => {
  it(said('answers 200 with the cleaned song', 'saaf kiye gaye song ke saath 200 jawab deta hai'), async () => {
    const response = await request(createApp(lesson.exercise))
      .post('/api/songs/check')
      .send({ ...validSong, title: '  Tum Hi Ho ', duration: '262', plays: 5 });
    expect(
      response.status,
      said(
        `The app refused a correct song: ${JSON.stringify(response.body)}`,
        `App ne ek sahi song refuse kar diya: ${JSON.stringify(response.body)}`,
      ),
    ).toBe(200);
    expect(response.body.ok, okShouldBe(true)).toBe(true);
    expect(
      response.body.song,
      said(
        'The app did not answer with the cleaned song: check trim on title, default on mood and type: Number on duration.',
        'App ne saaf kiya hua song jawab mein nahi diya: title par trim, mood par default aur duration par type: Number check kijiye.',
      ),
    ).toMatchObject({
      title: 'Tum Hi Ho',
      artist: validSong.artist,
      audio: validSong.audio,
      mood: 'calm',
      duration: 262,
    });
    expect(
      response.body.song,
      said(
        'The unknown field "plays" came back: the schema should drop it.',
        'Anjaan field "plays" wapas aa gayi: schema ko use hata dena chahiye.',
      ),
    ).not.toHaveProperty('plays');
  });

  it(
    said(
      'answers 400 with one readable message per broken field',
      'har galat field ke liye ek padhne laayak message ke saath 400 jawab deta hai',
    ),
    async () => {
      const response = await request(createApp(lesson.exercise))
        .post('/api/songs/check')
        .send({ audio: 'song.mp3', mood: 'angry' });
      const ruleFor: Record<string, { english: string; hinglish: string }> = {
        title: { english: 'title is not required', hinglish: 'title required nahi hai' },
        artist: { english: 'artist is not required', hinglish: 'artist required nahi hai' },
        audio: {
          english: 'audio does not have to be an http(s) URL',
          hinglish: 'audio ka http(s) URL hona zaroori nahi hai',
        },
        mood: { english: 'mood has no enum of allowed moods', hinglish: 'mood mein allowed moods ka enum nahi hai' },
      };
      const letThrough = Object.keys(ruleFor).filter((field) => !(field in (response.body.errors ?? {})));
      const reasons = (language: 'english' | 'hinglish') =>
        letThrough.map((field) => ruleFor[field][language]).join(', ');
      expect(
        letThrough,
        said(
          `The app let broken fields through, because ${reasons('english')}.`,
          `App ne galat fields ko aage jaane diya, kyunki ${reasons('hinglish')}.`,
        ),
      ).toEqual([]);
      expect(
        response.status,
        said(
          `A song with broken fields was answered ${response.status}, not 400.`,
          `Galat fields waale song ka jawab ${response.status} aaya, 400 nahi.`,
        ),
      ).toBe(400);
      expect(response.body.ok, okShouldBe(false)).toBe(false);
      expect(response.body.errors.title, defaultMessageOf('title')).not.toMatch(defaultMessage);
    },
  );

  it(
    said(
      'answers 400 in JSON when the body is not valid JSON',
      'body valid JSON na ho toh JSON mein 400 jawab deta hai',
    ),
    async () => {
      const response = await request(createApp(lesson.exercise))
        .post('/api/songs/check')
        .set('Content-Type', 'application/json')
        .send('{ "title": "Tum Hi Ho", ');
      expect(
        response.status,
        said(
          `A body that is not valid JSON was answered ${response.status}, not 400.`,
          `Jo body valid JSON nahi hai, uska jawab ${response.status} aaya, 400 nahi.`,
        ),
      ).toBe(400);
      expect(response.body.ok, okShouldBe(false)).toBe(false);
      expect(
        response.body.error,
        said(
          'The error message should say the JSON is broken.',
          'Error message mein likha hona chahiye ki JSON galat hai.',
        ),
      ).toMatch(/JSON/);
    },
  );
});

/** The answer's `ok` should be `value`. */
function okShouldBe(value: boolean): string {
  return said(`The answer's "ok" should be ${value}.`, `Jawab mein "ok" ${value} hona chahiye.`);
}

describe(inBoth('POST /api/songs'), () => {
  it(
    said(
      'saves the cleaned song with createdAt and answers 201',
      'saaf kiya hua song createdAt ke saath save karta hai aur 201 jawab deta hai',
    ),
    async () => {
      const response = await request(createApp(lesson.exercise))
        .post('/api/songs')
        .send({ ...validSong, title: ' Kesariya ', mood: 'romantic' });
      expect(
        response.status,
        said(
          `The app did not save a correct song: ${JSON.stringify(response.body)}`,
          `App ne ek sahi song save nahi kiya: ${JSON.stringify(response.body)}`,
        ),
      ).toBe(201);
      expect(
        response.body.song,
        said(
          'The app did not answer with the saved, cleaned song: check trim on title and the moods in enum.',
          'App ne save hua, saaf kiya hua song jawab mein nahi diya: title par trim aur enum mein moods check kijiye.',
        ),
      ).toMatchObject({ title: 'Kesariya', mood: 'romantic' });
      expect(
        response.body.song.createdAt,
        said(
          'The saved song has no createdAt: add { timestamps: true } to the schema.',
          'Save hue song mein createdAt nahi hai: schema mein { timestamps: true } jodiye.',
        ),
      ).toBeTypeOf('string');
    },
  );

  it(said('saves nothing when the song breaks a rule', 'song koi rule tode toh kuch save nahi karta'), async () => {
    const app = createApp(lesson.exercise);
    const response = await request(app)
      .post('/api/songs')
      .send({ ...validSong, mood: 'angry' });
    expect(
      response.status,
      said(
        'The app saved a song with the mood "angry": list the allowed moods with enum.',
        'App ne mood "angry" waala song save kar diya: allowed moods enum mein likhiye.',
      ),
    ).toBe(400);
    const stored = await mongoose.connection.db!.collection('songs').countDocuments();
    expect(
      stored,
      said('A song that broke a rule reached the database.', 'Rule todne waala song database tak pahunch gaya.'),
    ).toBe(0);
  });
});

describe(inBoth('GET /api/songs'), () => {
  it(said('lists the saved songs', 'save hue songs list karta hai'), async () => {
    const app = createApp(lesson.exercise);
    await request(app).post('/api/songs').send(validSong).expect(201);
    const response = await request(app).get('/api/songs');
    expect(
      response.status,
      said(
        `GET /api/songs answered ${response.status}: ${JSON.stringify(response.body)}`,
        `GET /api/songs ka jawab ${response.status} aaya: ${JSON.stringify(response.body)}`,
      ),
    ).toBe(200);
    const titles = response.body.songs.map((song: { title?: string }) => song.title);
    expect(
      titles,
      said(
        'The list does not show the saved song with its title: is title in your schema?',
        'List mein save hua song uske title ke saath nahi dikh raha: kya title aapke schema mein hai?',
      ),
    ).toEqual([validSong.title]);
  });
});
