// Lesson 01: the bytes go to storage, the facts (with the URL) go to the database.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { BSON } from 'bson';
import type mongoose from 'mongoose';
import { useLesson } from './support/use-lesson.ts';
import { NeverSettled, settleWithin } from './support/settle.ts';
import { createApp, type StorageExercise, type UploadedFile } from '../lessons/01-storage-vs-database/app.ts';
import { plannedRefusal } from './support/planned-refusal.ts';
import { reworded } from './support/reworded.ts';
import { inBoth, said } from './support/said.ts';

const lesson = useLesson<StorageExercise>('01-storage-vs-database');

/** A made-up upload, the way multer would hand it over. */
function fakeUpload(bytes = randomBytes(200 * 1024), name = 'tum-hi-ho.mp3'): UploadedFile {
  return { buffer: bytes, originalname: name, mimetype: 'audio/mpeg', size: bytes.length };
}

/** Calls the learner's saveUpload() and turns a rejection into an explanation. */
async function saveUpload(file: UploadedFile): Promise<Record<string, any>> {
  let saved: unknown;
  try {
    saved = await settleWithin(
      lesson.exercise.saveUpload(file),
      5000,
      said(
        'saveUpload() never finished: does every path of it end, and do you return the saved record?',
        'saveUpload() kabhi poora nahi hua: kya uska har raasta khatam hota hai, aur kya aap saved record return karte hain?',
      ),
    );
  } catch (error) {
    if (error instanceof NeverSettled) throw error;
    const message = (error as { message?: string })?.message ?? String(error);
    const hint = hintFor(message);
    const english = message.startsWith('saveUpload()') ? message : `saveUpload() failed: ${message}`;
    const hinglish = message.startsWith('saveUpload()') ? message : `saveUpload() fail ho gaya: ${message}`;
    throw reworded(error, withHint(said(`${english}${hint.english}`, `${hinglish}${hint.hinglish}`), hint));
  }
  expect(
    (saved as { _id?: unknown } | null | undefined)?._id,
    said(
      `saveUpload() gave back ${shortJson(saved, 'nothing')} instead of the saved record: return it (return FileRecord.create(...)).`,
      `saveUpload() ne saved record ki jagah ${shortJson(saved, 'kuch nahi')} diya: record return kijiye (return FileRecord.create(...)).`,
    ),
  ).toBeDefined();
  return saved as Record<string, any>;
}

/** A value in at most 100 characters, for a message (`nothing`, in the message's language, for undefined). */
function shortJson(value: unknown, nothing: string): string {
  if (value === undefined) return nothing;
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 100 ? `${json.slice(0, 100)}…` : json;
}

interface Hint {
  english: string;
  hinglish: string;
  /** The "Common mistakes" bullet the advice is about. */
  mistake?: string;
}

/** A line of advice, in both languages, when a failure message says the record had no URL. */
function hintFor(message: string): Hint {
  return /`url` is required/.test(message)
    ? {
        english:
          ' The record had no URL, so Mongoose refused to save it: did you await imagekit.upload(...) before saving, and use uploaded.url?',
        hinglish:
          ' Record mein URL nahi tha, isliye Mongoose ne use save karne se mana kar diya: kya aapne save karne se pehle imagekit.upload(...) ko await kiya, aur uploaded.url use kiya?',
        mistake: 'Forgetting await on the upload',
      }
    : { english: '', hinglish: '' };
}

/** `sentence`, naming the "Common mistakes" bullet of `hint` when it is about one. */
function withHint(sentence: string, hint: Hint): string {
  return hint.mistake ? aboutMistake(sentence, hint.mistake) : sentence;
}

/** The record exactly as MongoDB stores it, read with the native driver (no Mongoose in between). */
async function rawRecord(id: unknown): Promise<Record<string, unknown> | null> {
  return lesson.exercise.FileRecord.collection.findOne({ _id: id as mongoose.Types.ObjectId });
}

/** Paths of every field in the document that holds binary data (Buffer, Binary, Uint8Array). */
function binaryFields(value: unknown, path = ''): string[] {
  const bsonType = (value as { _bsontype?: string } | null)?._bsontype; // 'Binary', 'ObjectId'…
  if (value instanceof Uint8Array || bsonType === 'Binary') return [path || '(the whole record)'];
  if (!value || typeof value !== 'object' || value instanceof Date || bsonType) return [];
  return Object.entries(value).flatMap(([key, inner]) => binaryFields(inner, path ? `${path}.${key}` : key));
}

/** Downloads a URL and gives back its bytes. */
async function download(url: string): Promise<{ status: number; bytes: Buffer }> {
  if (!/^https?:\/\//.test(url)) {
    throw new Error(
      said(
        `The record's url "${url}" is not a web address: save the url storage gave back (uploaded.url).`,
        `Record ka url "${url}" web address nahi hai: storage ne jo url diya (uploaded.url), wahi save kijiye.`,
      ),
    );
  }
  const response = await fetch(url);
  return { status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
}

beforeEach(async () => {
  await lesson.exercise.FileRecord.deleteMany({});
});
afterEach(() => {
  if (lesson.storage.kind === 'local') lesson.storage.faults.reset();
});

describe(inBoth('saveUpload(file)'), () => {
  it(
    said(
      'saves the URL storage gave back, and that URL serves the very same bytes',
      'storage ka diya hua URL save karta hai, aur woh URL bilkul wahi bytes deta hai',
    ),
    async () => {
      const file = fakeUpload();
      const record = await saveUpload(file);
      expect(
        typeof record.url,
        said(
          'The record has no url: save the url storage gave back (uploaded.url).',
          'Record mein url nahi hai: storage ne jo url diya (uploaded.url), wahi save kijiye.',
        ),
      ).toBe('string');
      expect(
        record.url,
        aboutMistake(
          said(
            `The record's url "${record.url}" is not a web address: save the url storage gave back (uploaded.url), not filePath or fileId.`,
            `Record ka url "${record.url}" web address nahi hai: storage ne jo url diya (uploaded.url), wahi save kijiye, filePath ya fileId nahi.`,
          ),
          'Saving the wrong field of the answer',
        ),
      ).toMatch(/^https?:\/\//);
      const { status, bytes } = await download(record.url);
      expect(
        status,
        said(
          `Opening the record's url answered ${status}: save the url storage gave back (uploaded.url).`,
          `Record ka url kholne par ${status} jawab aaya: storage ne jo url diya (uploaded.url), wahi save kijiye.`,
        ),
      ).toBe(200);
      expect(
        bytes.equals(file.buffer),
        said(
          "The record's url serves other bytes than the ones uploaded: did you upload file.buffer?",
          'Record ka url upload kiye gaye bytes se alag bytes deta hai: kya aapne file.buffer upload kiya?',
        ),
      ).toBe(true);
    },
  );

  it(said('saves the URL, not the file bytes', 'URL save karta hai, file ke bytes nahi'), async () => {
    const record = await saveUpload(fakeUpload());
    const raw = await rawRecord(record._id);
    expect(
      raw,
      said(
        'saveUpload() returned a record, but none is in the database: did you save it (FileRecord.create)?',
        'saveUpload() ne record return kiya, lekin database mein koi record nahi hai: kya aapne use save kiya (FileRecord.create)?',
      ),
    ).not.toBeNull();
    const holding = binaryFields(raw);
    expect(
      holding,
      aboutMistake(
        said(
          `The saved record holds file bytes in "${holding.join('", "')}": keep the bytes in storage and save only the url.`,
          `Save hue record ke "${holding.join('", "')}" mein file ke bytes hain: bytes storage mein rakhiye aur sirf url save kijiye.`,
        ),
        'Putting the bytes in the record',
      ),
    ).toEqual([]);
  });

  it(
    said(
      'keeps the record small: under 1 KB for a 200 KB file',
      'record ko chhota rakhta hai: 200 KB ki file ke liye 1 KB se kam',
    ),
    async () => {
      const record = await saveUpload(fakeUpload());
      const raw = await rawRecord(record._id);
      const size = BSON.calculateObjectSize(raw ?? {});
      expect(
        size,
        said(
          `The record takes ${size} bytes in MongoDB: the file bytes went into the database. Save only the facts and the url.`,
          `Record MongoDB mein ${size} bytes le raha hai: file ke bytes database mein chale gaye. Sirf file ki details aur url save kijiye.`,
        ),
      ).toBeLessThan(1024);
    },
  );

  it(said("saves the file's name, size and mimeType", 'file ka name, size aur mimeType save karta hai'), async () => {
    const file = fakeUpload(randomBytes(1234), 'chaiyya-chaiyya.mp3');
    const record = await saveUpload(file);
    const raw = await rawRecord(record._id);
    expect(
      raw?.name,
      said(
        "The record's name should be the uploaded file's name (file.originalname).",
        'Record ka name upload hui file ka naam hona chahiye (file.originalname).',
      ),
    ).toBe('chaiyya-chaiyya.mp3');
    expect(
      raw?.size,
      said(
        "The record's size should be the file's size in bytes (file.size).",
        'Record ka size file ka size hona chahiye, bytes mein (file.size).',
      ),
    ).toBe(1234);
    expect(
      raw?.mimeType,
      said(
        "The record's mimeType should be the file's type (file.mimetype).",
        'Record ka mimeType file ka type hona chahiye (file.mimetype).',
      ),
    ).toBe('audio/mpeg');
  });
});

describe(said('saveUpload(file) when storage fails', 'saveUpload(file), jab storage fail ho jaaye'), () => {
  it(
    said(
      'saves no record and lets the error reach the caller',
      'koi record save nahi karta aur error ko caller tak pahunchne deta hai',
    ),
    async ({ skip }) => {
      if (lesson.storage.kind !== 'local')
        skip(
          said(
            'a real ImageKit account cannot be made to fail on purpose',
            'asli ImageKit account ko jaan-boojhkar fail nahi karaya ja sakta',
          ),
        );
      lesson.storage.faults.failNext(1, plannedRefusal(500));
      const outcome = await settleWithin(
        lesson.exercise.saveUpload(fakeUpload()).then(
          () => 'resolved',
          () => 'rejected',
        ),
        5000,
        said(
          'saveUpload() never finished after a failed upload: let the error through instead of waiting forever.',
          'Upload fail hone ke baad saveUpload() kabhi poora nahi hua: hamesha wait karne ki jagah error ko aage jaane dijiye.',
        ),
      );
      const count = await lesson.exercise.FileRecord.countDocuments();
      expect(
        count,
        said(
          'A record was saved for a failed upload: upload first, await it, and save the record only after it worked.',
          'Fail hue upload ka bhi record save ho gaya: pehle upload kijiye, use await kijiye, aur upload kaam kar jaaye tabhi record save kijiye.',
        ),
      ).toBe(0);
      expect(
        outcome,
        said(
          'saveUpload() succeeded although the upload failed: let the error through (no try/catch that hides it).',
          'Upload fail hua, phir bhi saveUpload() successful raha: error ko aage jaane dijiye (aisa try/catch mat lagaiye jo use chhupa de).',
        ),
      ).toBe('rejected');
    },
  );
});

describe(inBoth('POST /api/files'), () => {
  it(
    said(
      'answers 201 with the record, and GET /api/files lists it',
      '201 ke saath record deta hai, aur GET /api/files use list karta hai',
    ),
    async () => {
      const bytes = Buffer.from('la la la, a tiny song\n');
      const posted = await request(app())
        .post('/api/files')
        .attach('file', bytes, { filename: 'tiny.txt', contentType: 'text/plain' });
      const answer = JSON.stringify(posted.body);
      const hint = hintFor(answer);
      expect(
        posted.status,
        withHint(
          said(
            `POST /api/files answered ${posted.status}: ${answer}.${hint.english}`,
            `POST /api/files ka jawab ${posted.status} aaya: ${answer}.${hint.hinglish}`,
          ),
          hint,
        ),
      ).toBe(201);
      expect(
        posted.body.record,
        said(
          'POST /api/files answered without the saved record: does saveUpload() return the record it saved?',
          'POST /api/files ke jawab mein saved record nahi hai: kya saveUpload() save kiya hua record return karta hai?',
        ),
      ).toMatchObject({ name: 'tiny.txt', size: bytes.length, mimeType: 'text/plain' });

      const listed = await request(app()).get('/api/files');
      expect(
        listed.body.records.map((record: { name: string }) => record.name),
        said(
          'GET /api/files should list the one record saved, tiny.txt.',
          'GET /api/files ko save hua ek record, tiny.txt, list karna chahiye.',
        ),
      ).toEqual(['tiny.txt']);
      const { bytes: served } = await download(listed.body.records[0].url);
      expect(
        served.toString(),
        said(
          "The listed record's url does not serve the uploaded file.",
          'List hue record ka url upload ki gayi file nahi deta.',
        ),
      ).toBe(bytes.toString());
    },
  );

  it(said('answers 400 when no file is sent', 'file na bheji jaaye toh 400 jawab deta hai'), async () => {
    const response = await request(app()).post('/api/files').field('title', 'no file here');
    expect(
      response.status,
      said(
        `POST /api/files with no file answered ${response.status}, not 400.`,
        `Bina file ke POST /api/files ka jawab ${response.status} aaya, 400 nahi.`,
      ),
    ).toBe(400);
  });
});

describe(said('the demo routes', 'demo routes'), () => {
  it(
    said(
      'GET /api/demo/sizes compares the small record with one holding the bytes',
      'GET /api/demo/sizes chhote record ko bytes waale record se compare karta hai',
    ),
    async () => {
      await saveUpload(fakeUpload());
      const response = await request(app()).get('/api/demo/sizes');
      expect(
        response.status,
        said(
          `GET /api/demo/sizes answered ${response.status}: ${JSON.stringify(response.body)}`,
          `GET /api/demo/sizes ka jawab ${response.status} aaya: ${JSON.stringify(response.body)}`,
        ),
      ).toBe(200);
      expect(
        response.body.recordWithUrlBytes,
        said(
          'The newest record is not small: it holds the file bytes.',
          'Sabse naya record chhota nahi hai: usmein file ke bytes hain.',
        ),
      ).toBeLessThan(1024);
      expect(response.body.recordWithFileInsideBytes).toBeGreaterThan(200 * 1024);
    },
  );

  it(
    said(
      'POST /api/demo/bytes-in-db refuses a 20 MB file',
      'POST /api/demo/bytes-in-db 20 MB ki file lene se mana kar deta hai',
    ),
    async () => {
      const big = Buffer.alloc(20 * 1024 * 1024);
      const response = await request(app()).post('/api/demo/bytes-in-db').attach('file', big, 'big.bin');
      expect(response.status).toBe(413);
      expect(response.body.saved).toBe(false);
      expect(response.body.error.message).toBeTruthy();
    },
  );
});

function app() {
  return createApp(lesson.exercise);
}
