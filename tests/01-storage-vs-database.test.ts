// Lesson 01: the bytes go to storage, the facts (with the URL) go to the database.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import request from 'supertest';
import { BSON } from 'bson';
import type mongoose from 'mongoose';
import { useLesson } from './support/use-lesson.ts';
import { settleWithin } from './support/settle.ts';
import { createApp, type StorageExercise, type UploadedFile } from '../lessons/01-storage-vs-database/app.ts';
import { plannedRefusal } from './support/planned-refusal.ts';
import { reworded } from './support/reworded.ts';

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
      'saveUpload() never finished: does every path of it end, and do you return the saved record?',
    );
  } catch (error) {
    const message = (error as { message?: string })?.message ?? String(error);
    const said = message.startsWith('saveUpload()') ? message : `saveUpload() failed: ${message}`;
    throw reworded(error, `${said}${hintFor(message)}`);
  }
  expect(
    (saved as { _id?: unknown } | null | undefined)?._id,
    `saveUpload() gave back ${shortJson(saved)} instead of the saved record: return it (return FileRecord.create(...)).`,
  ).toBeDefined();
  return saved as Record<string, any>;
}

/** A value in at most 100 characters, for a message ("nothing" for undefined). */
function shortJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 100 ? `${json.slice(0, 100)}…` : json;
}

/** A line of advice when a failure message says the record had no URL. */
function hintFor(message: string): string {
  return /`url` is required/.test(message)
    ? aboutMistake(
        ' The record had no URL, so Mongoose refused to save it: did you await imagekit.upload(...) before saving, and use uploaded.url?',
        'Forgetting await on the upload',
      )
    : '';
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
    throw new Error(`The record's url "${url}" is not a web address: save the url storage gave back (uploaded.url).`);
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

describe('saveUpload(file)', () => {
  it('saves the URL storage gave back, and that URL serves the very same bytes', async () => {
    const file = fakeUpload();
    const record = await saveUpload(file);
    expect(typeof record.url, 'The record has no url: save the url storage gave back (uploaded.url).').toBe('string');
    expect(
      record.url,
      aboutMistake(
        `The record's url "${record.url}" is not a web address: save the url storage gave back (uploaded.url), not filePath or fileId.`,
        'Saving the wrong field of the answer',
      ),
    ).toMatch(/^https?:\/\//);
    const { status, bytes } = await download(record.url);
    expect(status, `Opening the record's url answered ${status}: save the url storage gave back (uploaded.url).`).toBe(
      200,
    );
    expect(
      bytes.equals(file.buffer),
      "The record's url serves other bytes than the ones uploaded: did you upload file.buffer?",
    ).toBe(true);
  });

  it('saves the URL, not the file bytes', async () => {
    const record = await saveUpload(fakeUpload());
    const raw = await rawRecord(record._id);
    expect(
      raw,
      'saveUpload() returned a record, but none is in the database: did you save it (FileRecord.create)?',
    ).not.toBeNull();
    const holding = binaryFields(raw);
    expect(
      holding,
      aboutMistake(
        `The saved record holds file bytes in "${holding.join('", "')}": keep the bytes in storage and save only the url.`,
        'Putting the bytes in the record',
      ),
    ).toEqual([]);
  });

  it('keeps the record small: under 1 KB for a 200 KB file', async () => {
    const record = await saveUpload(fakeUpload());
    const raw = await rawRecord(record._id);
    const size = BSON.calculateObjectSize(raw ?? {});
    expect(
      size,
      `The record takes ${size} bytes in MongoDB: the file bytes went into the database. Save only the facts and the url.`,
    ).toBeLessThan(1024);
  });

  it("saves the file's name, size and mimeType", async () => {
    const file = fakeUpload(randomBytes(1234), 'chaiyya-chaiyya.mp3');
    const record = await saveUpload(file);
    const raw = await rawRecord(record._id);
    expect(raw?.name, "The record's name should be the uploaded file's name (file.originalname).").toBe(
      'chaiyya-chaiyya.mp3',
    );
    expect(raw?.size, "The record's size should be the file's size in bytes (file.size).").toBe(1234);
    expect(raw?.mimeType, "The record's mimeType should be the file's type (file.mimetype).").toBe('audio/mpeg');
  });
});

describe('saveUpload(file) when storage fails', () => {
  it('saves no record and lets the error reach the caller', async ({ skip }) => {
    if (lesson.storage.kind !== 'local') skip('a real ImageKit account cannot be made to fail on purpose');
    lesson.storage.faults.failNext(1, plannedRefusal(500));
    const outcome = await settleWithin(
      lesson.exercise.saveUpload(fakeUpload()).then(
        () => 'resolved',
        () => 'rejected',
      ),
      5000,
      'saveUpload() never finished after a failed upload: let the error through instead of waiting forever.',
    );
    const count = await lesson.exercise.FileRecord.countDocuments();
    expect(
      count,
      'A record was saved for a failed upload: upload first, await it, and save the record only after it worked.',
    ).toBe(0);
    expect(
      outcome,
      'saveUpload() succeeded although the upload failed: let the error through (no try/catch that hides it).',
    ).toBe('rejected');
  });
});

describe('POST /api/files', () => {
  it('answers 201 with the record, and GET /api/files lists it', async () => {
    const bytes = Buffer.from('la la la, a tiny song\n');
    const posted = await request(app())
      .post('/api/files')
      .attach('file', bytes, { filename: 'tiny.txt', contentType: 'text/plain' });
    const answer = JSON.stringify(posted.body);
    expect(posted.status, `POST /api/files answered ${posted.status}: ${answer}.${hintFor(answer)}`).toBe(201);
    expect(
      posted.body.record,
      'POST /api/files answered without the saved record: does saveUpload() return the record it saved?',
    ).toMatchObject({ name: 'tiny.txt', size: bytes.length, mimeType: 'text/plain' });

    const listed = await request(app()).get('/api/files');
    expect(listed.body.records.map((record: { name: string }) => record.name)).toEqual(['tiny.txt']);
    const { bytes: served } = await download(listed.body.records[0].url);
    expect(served.toString(), "The listed record's url does not serve the uploaded file.").toBe(bytes.toString());
  });

  it('answers 400 when no file is sent', async () => {
    const response = await request(app()).post('/api/files').field('title', 'no file here');
    expect(response.status).toBe(400);
  });
});

describe('the demo routes', () => {
  it('GET /api/demo/sizes compares the small record with one holding the bytes', async () => {
    await saveUpload(fakeUpload());
    const response = await request(app()).get('/api/demo/sizes');
    expect(response.status).toBe(200);
    expect(response.body.recordWithUrlBytes, 'The newest record is not small: it holds the file bytes.').toBeLessThan(
      1024,
    );
    expect(response.body.recordWithFileInsideBytes).toBeGreaterThan(200 * 1024);
  });

  it('POST /api/demo/bytes-in-db refuses a 20 MB file', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024);
    const response = await request(app()).post('/api/demo/bytes-in-db').attach('file', big, 'big.bin');
    expect(response.status).toBe(413);
    expect(response.body.saved).toBe(false);
    expect(response.body.error.message).toBeTruthy();
  });
});

function app() {
  return createApp(lesson.exercise);
}
