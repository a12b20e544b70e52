// Lesson 05: uploadFile() wraps the SDK's callback in a Promise. Real SDK, real storage,
// and real HTTP for the lesson's POST /api/upload.
import { aboutMistake } from '../src/check/common-mistakes.ts';
import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { afterAll, afterEach, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import request from 'supertest';
import { useLesson } from './support/use-lesson.ts';
import { settleWithin } from './support/settle.ts';
import { createApp, type Exercise, type StoredFile } from '../lessons/05-upload-file/app.ts';
import { plannedRefusal } from './support/planned-refusal.ts';

const lesson = useLesson<Exercise>('05-upload-file');
const storage = () => lesson.storage;

// A local upload takes milliseconds; a real ImageKit account needs the network.
const patience = () => (storage().kind === 'local' ? 1000 : 15_000);

const NEVER_RESOLVED = aboutMistake(
  'Your promise never settled after a successful upload: did you give imagekit.upload() a callback, and call ' +
    'resolve(result) inside it? Until you do, `await uploadFile()` waits forever. (If an error your code threw ' +
    'is shown below, your callback stopped there, before reaching resolve().)',
  'Forgetting resolve',
);
const NEVER_REJECTED = aboutMistake(
  'Your promise never settled after a failed upload: did you call reject(error) when the callback gets an error? ' +
    'Logging the error is not enough: the caller is still waiting.',
  'Only logging the error',
);

/** Pretend audio: random bytes, different for every file. */
const audio = () => randomBytes(4096);

/** Calls the learner's uploadFile() and insists on a promise, with a plain message if it is something else. */
function callUploadFile(buffer: Buffer, fileName: string): Promise<StoredFile> {
  const returned: unknown = lesson.exercise.uploadFile(buffer, fileName);
  if (typeof (returned as PromiseLike<unknown> | undefined)?.then !== 'function') {
    expect.fail(
      `uploadFile() gave back ${String(returned)}, not a Promise. The SDK calls your callback later, ` +
        'after uploadFile() has already returned, so a variable set in the callback is still empty. ' +
        'Return new Promise((resolve, reject) => { … }) and settle it inside the callback.',
    );
  }
  return Promise.resolve(returned as PromiseLike<StoredFile>);
}

/** What a promise ended as, so tests can say which way it went wrong. */
type Outcome<T> = { resolved: true; value: T } | { resolved: false; error: unknown };
function outcomeOf<T>(promise: Promise<T>, explanation: string): Promise<Outcome<T>> {
  return settleWithin(
    promise.then(
      (value) => ({ resolved: true as const, value }),
      (error: unknown) => ({ resolved: false as const, error }),
    ),
    patience(),
    explanation,
  );
}

/** Faults only exist on the local storage; with a real account these tests are skipped. */
function localStorageOnly(context: TestContext) {
  if (storage().kind !== 'local')
    context.skip('needs the local storage: a real ImageKit account cannot fail on purpose');
  return storage().faults;
}

afterEach(() => {
  if (storage().kind === 'local') storage().faults.reset();
});

// Counts the uploads the local storage (a server in this process) receives, seen through
// Node's diagnostics channel: the SDK and the storage run unchanged.
let uploadsReceived = 0;
function onStorageReceives(message: unknown): void {
  const { url } = (message as { request: IncomingMessage }).request;
  if ((url ?? '').split('?')[0] === '/api/v1/files/upload') uploadsReceived += 1;
}
beforeAll(() => diagnostics.subscribe('http.server.request.start', onStorageReceives));
/** Whether an upload reached the storage since `before`, after giving one just started time to get there. */
async function uploadedSince(before: number): Promise<boolean> {
  if (uploadsReceived === before) await new Promise((arrive) => setTimeout(arrive, 500));
  return uploadsReceived > before;
}
afterAll(() => diagnostics.unsubscribe('http.server.request.start', onStorageReceives));

describe('uploadFile(buffer, fileName)', () => {
  it('returns a Promise straight away, before the upload is done', async () => {
    const returned: unknown = lesson.exercise.uploadFile(audio(), 'first-song.mp3');
    const thenable = typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function';
    expect(
      thenable,
      aboutMistake(
        `uploadFile() gave back ${String(returned)}, not a Promise: the callback runs later, after uploadFile() ` +
          'has returned. Return new Promise((resolve, reject) => { … }), with the word `return` in front, ' +
          'so callers can await it.',
        'Returning the variable instead of a promise',
      ),
    ).toBe(true);
    // Let this upload finish before the next check; whether it settles is the next checks' business.
    await outcomeOf(Promise.resolve(returned), NEVER_RESOLVED).catch(() => {});
  });

  it('resolves with the storage result, and its URL serves the same bytes', async () => {
    const bytes = audio();
    const before = uploadsReceived;
    const outcome = await outcomeOf(callUploadFile(bytes, 'kesariya.mp3'), NEVER_RESOLVED);
    if (!outcome.resolved) {
      const said = String((outcome.error as Error)?.message ?? outcome.error).replace(/\.$/, '');
      expect.fail(
        !(await uploadedSince(before))
          ? `Your promise rejected without uploading anything: ${said}. Return a new Promise that calls ` +
              'imagekit.upload(...), and resolve(result) in its callback.'
          : `This upload should succeed, but your promise rejected with: ${said}. ` +
              'Call reject(error) only when the callback gets an error; otherwise resolve(result).',
      );
    }
    const result = outcome.value;
    expect(
      typeof result?.url,
      `Your Promise resolved with ${JSON.stringify(result)}, not the storage's result. Call resolve(result) ` +
        "inside the SDK's callback, with the result the SDK hands you.",
    ).toBe('string');
    expect(typeof result.fileId, 'The result has no fileId: resolve with the whole result the SDK gives you.').toBe(
      'string',
    );
    expect(result.size, 'The result should say how many bytes were stored.').toBe(bytes.length);

    const served = await fetch(result.url);
    expect(served.status, `The URL ${result.url} does not serve the file.`).toBe(200);
    expect(
      Buffer.from(await served.arrayBuffer()).equals(bytes),
      'The URL serves different bytes than the ones you uploaded.',
    ).toBe(true);
  });

  it('waits for the upload: with a slow storage it is still pending at first, then resolves', async (context) => {
    localStorageOnly(context).setLatency(30);
    let settled = false;
    let rejection: unknown;
    const before = uploadsReceived;
    const promise = callUploadFile(audio(), 'slow-song.mp3');
    void promise.then(
      () => (settled = true),
      (error: unknown) => {
        settled = true;
        rejection = error;
      },
    );
    // One turn of the event loop: far too short for the storage to answer.
    await new Promise((next) => setImmediate(next));
    // Rejected with no upload even on its way: the code does not upload (yet), which is another story.
    const uploading = !settled || !(rejection instanceof Error) || (await uploadedSince(before));
    expect(
      settled,
      uploading
        ? 'Your Promise settled before the storage had answered: resolve() must be called inside the upload callback, ' +
            'when the SDK reports back, not right after starting the upload.'
        : `Your Promise rejected at once, without uploading anything: ${(rejection as Error).message} ` +
            'Return a new Promise that calls imagekit.upload(...) and settles in its callback.',
    ).toBe(false);
    const outcome = await outcomeOf(promise, NEVER_RESOLVED);
    expect(
      outcome.resolved && typeof outcome.value?.url,
      'Once the slow upload was done, the promise should resolve with its url.',
    ).toBe('string');
  });

  it('uploads once per call: one call, one upload received by the storage', async (context) => {
    localStorageOnly(context);
    const before = uploadsReceived;
    await outcomeOf(callUploadFile(audio(), 'just-once.mp3'), NEVER_RESOLVED);
    const received = (await uploadedSince(before)) ? uploadsReceived - before : 0;
    expect(
      received,
      received === 0
        ? 'One call to uploadFile() should upload once, and the storage received nothing: call imagekit.upload(…) ' +
            'in uploadFile(), with a callback.'
        : `One call to uploadFile() should upload once, and the storage received ${received} uploads: ` +
            'call imagekit.upload(…) a single time, with the callback.',
    ).toBe(1);
  });
});

describe('uploadFile() when the storage refuses the upload', () => {
  const refusal = plannedRefusal(403);

  it("rejects with ImageKit's error and its message", async (context) => {
    localStorageOnly(context).failNext(1, refusal);
    const before = uploadsReceived;
    const outcome = await outcomeOf(callUploadFile(audio(), 'refused.mp3'), NEVER_REJECTED);
    if (outcome.resolved) {
      const value = outcome.value as unknown;
      if (value === null || value === undefined) {
        expect.fail(
          aboutMistake(
            `The upload failed, yet your promise resolved with ${String(value)}. A promise settles only once: ` +
              'resolve() ran first, so the reject(error) after it was ignored. Check the error first: ' +
              'if (error) return reject(error);',
            'Resolving before checking the error',
          ),
        );
      }
      expect.fail(
        aboutMistake(
          `The upload failed, yet your promise resolved with ${JSON.stringify(value)}. Call reject(error) for a failure, ` +
            'so `await uploadFile()` throws and the caller can answer with an error.',
          'resolve(error)',
        ),
      );
    }
    const said = (outcome.error as { message?: string } | null)?.message;
    if (said !== refusal.message && !(await uploadedSince(before)))
      expect.fail(
        `Your promise rejected without trying the upload: ${String(said).replace(/\.$/, '')}. Return a new Promise that calls ` +
          'imagekit.upload(...), and reject(error) in its callback when the SDK gives an error.',
      );
    expect(
      said,
      'The rejection should carry the error the SDK gave you: reject(error), not a new error of your own.',
    ).toBe(refusal.message);
  });
});

describe('POST /api/upload', () => {
  /** Sends the request; a route stuck on a promise that never settles gets a plain explanation. */
  function send(test: request.Test, explanation: string): Promise<request.Response> {
    return settleWithin(Promise.resolve(test), patience(), explanation);
  }

  it('uploads the file and answers 201 with its url, fileId, size and name', async () => {
    const bytes = audio();
    const res = await send(
      request(createApp(lesson.exercise)).post('/api/upload').attach('file', bytes, 'tum-hi-ho.mp3'),
      NEVER_RESOLVED,
    );
    expect(res.status, `POST /api/upload answered ${res.status}: ${JSON.stringify(res.body)}`).toBe(201);
    expect(
      res.body,
      'The answer should describe the stored file: resolve with the result the SDK gives you.',
    ).toMatchObject({
      ok: true,
      url: expect.any(String),
      fileId: expect.any(String),
      size: bytes.length,
      name: expect.stringMatching(/^tum-hi-ho/),
    });
  });

  it('answers 502 JSON with a plain message when the storage fails', async (context) => {
    localStorageOnly(context).failNext(1, plannedRefusal(403));
    const res = await send(
      request(createApp(lesson.exercise)).post('/api/upload').attach('file', audio(), 'refused.mp3'),
      NEVER_REJECTED,
    );
    expect(
      res.status,
      `POST /api/upload answered ${res.status} when the storage refused the file: uploadFile() should reject(error), ` +
        'so the route can answer 502.',
    ).toBe(502);
    expect(
      res.body.error,
      "The 502 answer should pass on ImageKit's message, which comes from the error your promise rejects with: " +
        'call reject(error) with the error the SDK gives you.',
    ).toContain(plannedRefusal(403).message);
  });
});
