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
import { plannedRefusal, onlyLocalStorageRefuses } from './support/planned-refusal.ts';
import { inBoth, said } from './support/said.ts';

const lesson = useLesson<Exercise>('05-upload-file');
const storage = () => lesson.storage;

// A local upload takes milliseconds; a real ImageKit account needs the network.
const patience = () => (storage().kind === 'local' ? 1000 : 15_000);

const NEVER_RESOLVED = aboutMistake(
  said(
    'Your promise never settled after a successful upload: did you give imagekit.upload() a callback, and call ' +
      'resolve(result) inside it? Until you do, `await uploadFile()` waits forever. (If an error your code threw ' +
      'is shown below, your callback stopped there, before reaching resolve().)',
    'Upload successful hone ke baad bhi aapka promise kabhi settle nahi hua: kya aapne imagekit.upload() ko ' +
      'callback diya, aur uske andar resolve(result) call kiya? Jab tak aap yeh nahi karte, `await uploadFile()` ' +
      'hamesha wait karta rahega. (Agar neeche aapke code ka koi error dikh raha hai, toh aapka callback wahin ' +
      'ruk gaya aur resolve() tak pahuncha hi nahi.)',
  ),
  'Forgetting resolve',
);
const NEVER_REJECTED = aboutMistake(
  said(
    'Your promise never settled after a failed upload: did you call reject(error) when the callback gets an error? ' +
      'Logging the error is not enough: the caller is still waiting.',
    'Upload fail hone ke baad bhi aapka promise kabhi settle nahi hua: kya callback ko error milne par aapne ' +
      'reject(error) call kiya? Sirf error log karna kaafi nahi hai: caller abhi bhi wait kar raha hai.',
  ),
  'Only logging the error',
);

/** Pretend audio: random bytes, different for every file. */
const audio = () => randomBytes(4096);

/** Calls the learner's uploadFile() and insists on a promise, with a plain message if it is something else. */
function callUploadFile(buffer: Buffer, fileName: string): Promise<StoredFile> {
  const returned: unknown = lesson.exercise.uploadFile(buffer, fileName);
  if (typeof (returned as PromiseLike<unknown> | undefined)?.then !== 'function') {
    expect.fail(
      said(
        `uploadFile() gave back ${String(returned)}, not a Promise. The SDK calls your callback later, ` +
          'after uploadFile() has already returned, so a variable set in the callback is still empty. ' +
          'Return new Promise((resolve, reject) => { … }) and settle it inside the callback.',
        `uploadFile() ne ${String(returned)} diya, Promise nahi. SDK aapka callback baad mein call karta hai, ` +
          'jab uploadFile() return ho chuka hota hai, isliye callback mein set kiya gaya variable tab tak khaali ' +
          'rehta hai. return new Promise((resolve, reject) => { … }) likhiye aur use callback ke andar settle kijiye.',
      ),
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
  if (storage().kind !== 'local') context.skip(onlyLocalStorageRefuses);
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

describe(inBoth('uploadFile(buffer, fileName)'), () => {
  it(
    said(
      'returns a Promise straight away, before the upload is done',
      'upload poora hone se pehle hi turant ek Promise return karta hai',
    ),
    async () => {
      const returned: unknown = lesson.exercise.uploadFile(audio(), 'first-song.mp3');
      const thenable = typeof (returned as PromiseLike<unknown> | undefined)?.then === 'function';
      expect(
        thenable,
        aboutMistake(
          said(
            `uploadFile() gave back ${String(returned)}, not a Promise: the callback runs later, after uploadFile() ` +
              'has returned. Return new Promise((resolve, reject) => { … }), with the word `return` in front, ' +
              'so callers can await it.',
            `uploadFile() ne ${String(returned)} diya, Promise nahi: callback baad mein chalta hai, jab uploadFile() ` +
              'return ho chuka hota hai. return new Promise((resolve, reject) => { … }) likhiye, shuru mein `return` ' +
              'shabd ke saath, taaki caller use await kar sake.',
          ),
          'Returning the variable instead of a promise',
        ),
      ).toBe(true);
      // Let this upload finish before the next check; whether it settles is the next checks' business.
      await outcomeOf(Promise.resolve(returned), NEVER_RESOLVED).catch(() => {});
    },
  );

  it(
    said(
      'resolves with the storage result, and its URL serves the same bytes',
      'storage ke result ke saath resolve hota hai, aur uska URL wahi bytes deta hai',
    ),
    async () => {
      const bytes = audio();
      const before = uploadsReceived;
      const outcome = await outcomeOf(callUploadFile(bytes, 'kesariya.mp3'), NEVER_RESOLVED);
      if (!outcome.resolved) {
        const error = String((outcome.error as Error)?.message ?? outcome.error).replace(/\.$/, '');
        expect.fail(
          !(await uploadedSince(before))
            ? said(
                `Your promise rejected without uploading anything: ${error}. Return a new Promise that calls ` +
                  'imagekit.upload(...), and resolve(result) in its callback.',
                `Aapka promise kuch bhi upload kiye bina reject ho gaya: ${error}. Ek naya Promise return kijiye ` +
                  'jo imagekit.upload(...) call kare, aur uske callback mein resolve(result) kijiye.',
              )
            : said(
                `This upload should succeed, but your promise rejected with: ${error}. ` +
                  'Call reject(error) only when the callback gets an error; otherwise resolve(result).',
                `Yeh upload successful hona chahiye tha, lekin aapka promise is error ke saath reject ho gaya: ${error}. ` +
                  'reject(error) sirf tab call kijiye jab callback ko error mile; warna resolve(result) kijiye.',
              ),
        );
      }
      const result = outcome.value;
      expect(
        typeof result?.url,
        said(
          `Your Promise resolved with ${JSON.stringify(result)}, not the storage's result. Call resolve(result) ` +
            "inside the SDK's callback, with the result the SDK hands you.",
          `Aapka Promise ${JSON.stringify(result)} ke saath resolve hua, storage ke result ke saath nahi. SDK ke ` +
            'callback ke andar resolve(result) call kijiye, usi result ke saath jo SDK aapko deta hai.',
        ),
      ).toBe('string');
      expect(
        typeof result.fileId,
        said(
          'The result has no fileId: resolve with the whole result the SDK gives you.',
          'Result mein fileId nahi hai: SDK jo poora result deta hai, usi ke saath resolve kijiye.',
        ),
      ).toBe('string');
      expect(
        result.size,
        said(
          'The result should say how many bytes were stored.',
          'Result mein likha hona chahiye ki kitne bytes store hue.',
        ),
      ).toBe(bytes.length);

      const served = await fetch(result.url);
      expect(
        served.status,
        said(`The URL ${result.url} does not serve the file.`, `URL ${result.url} file nahi de raha hai.`),
      ).toBe(200);
      expect(
        Buffer.from(await served.arrayBuffer()).equals(bytes),
        said(
          'The URL serves different bytes than the ones you uploaded.',
          'URL woh bytes nahi de raha jo aapne upload kiye the: uske bytes alag hain.',
        ),
      ).toBe(true);
    },
  );

  it(
    said(
      'waits for the upload: with a slow storage it is still pending at first, then resolves',
      'upload ka wait karta hai: slow storage ke saath pehle pending rehta hai, phir resolve hota hai',
    ),
    async (context) => {
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
          ? said(
              'Your Promise settled before the storage had answered: resolve() must be called inside the upload callback, ' +
                'when the SDK reports back, not right after starting the upload.',
              'Aapka Promise storage ka jawab aane se pehle hi settle ho gaya: resolve() upload ke callback ke andar ' +
                'call hona chahiye, jab SDK jawab deta hai, upload shuru karne ke turant baad nahi.',
            )
          : said(
              `Your Promise rejected at once, without uploading anything: ${(rejection as Error).message} ` +
                'Return a new Promise that calls imagekit.upload(...) and settles in its callback.',
              `Aapka Promise kuch bhi upload kiye bina turant reject ho gaya: ${(rejection as Error).message} ` +
                'Ek naya Promise return kijiye jo imagekit.upload(...) call kare aur apne callback mein settle ho.',
            ),
      ).toBe(false);
      const outcome = await outcomeOf(promise, NEVER_RESOLVED);
      expect(
        outcome.resolved && typeof outcome.value?.url,
        said(
          'Once the slow upload was done, the promise should resolve with its url.',
          'Slow upload poora hone ke baad promise ko uske url ke saath resolve hona chahiye.',
        ),
      ).toBe('string');
    },
  );

  it(
    said(
      'uploads once per call: one call, one upload received by the storage',
      'har call par ek hi baar upload karta hai: ek call, storage tak ek upload',
    ),
    async (context) => {
      localStorageOnly(context);
      const before = uploadsReceived;
      await outcomeOf(callUploadFile(audio(), 'just-once.mp3'), NEVER_RESOLVED);
      const received = (await uploadedSince(before)) ? uploadsReceived - before : 0;
      expect(
        received,
        received === 0
          ? said(
              'One call to uploadFile() should upload once, and the storage received nothing: call imagekit.upload(…) ' +
                'in uploadFile(), with a callback.',
              'uploadFile() ki ek call se ek upload hona chahiye, lekin storage tak kuch nahi pahuncha: uploadFile() ' +
                'mein imagekit.upload(…) call kijiye, callback ke saath.',
            )
          : said(
              `One call to uploadFile() should upload once, and the storage received ${received} uploads: ` +
                'call imagekit.upload(…) a single time, with the callback.',
              `uploadFile() ki ek call se ek hi upload hona chahiye, lekin storage tak ${received} uploads pahunche: ` +
                'imagekit.upload(…) sirf ek baar call kijiye, callback ke saath.',
            ),
      ).toBe(1);
    },
  );
});

describe(
  said('uploadFile() when the storage refuses the upload', 'uploadFile(), jab storage upload mana kar de'),
  () => {
    const refusal = plannedRefusal(403);

    it(
      said(
        "rejects with ImageKit's error and its message",
        'ImageKit ke error aur uske message ke saath reject hota hai',
      ),
      async (context) => {
        localStorageOnly(context).failNext(1, refusal);
        const before = uploadsReceived;
        const outcome = await outcomeOf(callUploadFile(audio(), 'refused.mp3'), NEVER_REJECTED);
        if (outcome.resolved) {
          const value = outcome.value as unknown;
          if (value === null || value === undefined) {
            expect.fail(
              aboutMistake(
                said(
                  `The upload failed, yet your promise resolved with ${String(value)}. A promise settles only once: ` +
                    'resolve() ran first, so the reject(error) after it was ignored. Check the error first: ' +
                    'if (error) return reject(error);',
                  `Upload fail hua, phir bhi aapka promise ${String(value)} ke saath resolve ho gaya. Promise sirf ek ` +
                    'baar settle hota hai: resolve() pehle chal gaya, isliye uske baad wala reject(error) ignore ho gaya. ' +
                    'Pehle error check kijiye: if (error) return reject(error);',
                ),
                'Resolving before checking the error',
              ),
            );
          }
          expect.fail(
            aboutMistake(
              said(
                `The upload failed, yet your promise resolved with ${JSON.stringify(value)}. Call reject(error) for a failure, ` +
                  'so `await uploadFile()` throws and the caller can answer with an error.',
                `Upload fail hua, phir bhi aapka promise ${JSON.stringify(value)} ke saath resolve ho gaya. Failure par ` +
                  'reject(error) call kijiye, taaki `await uploadFile()` throw kare aur caller error ke saath jawab de sake.',
              ),
              'resolve(error)',
            ),
          );
        }
        const rejectedWith = (outcome.error as { message?: string } | null)?.message;
        const why = String(rejectedWith).replace(/\.$/, '');
        if (rejectedWith !== refusal.message && !(await uploadedSince(before)))
          expect.fail(
            said(
              `Your promise rejected without trying the upload: ${why}. Return a new Promise that calls ` +
                'imagekit.upload(...), and reject(error) in its callback when the SDK gives an error.',
              `Aapka promise upload try kiye bina hi reject ho gaya: ${why}. Ek naya Promise return kijiye jo ` +
                'imagekit.upload(...) call kare, aur SDK error de toh uske callback mein reject(error) kijiye.',
            ),
          );
        expect(
          rejectedWith,
          said(
            'The rejection should carry the error the SDK gave you: reject(error), not a new error of your own.',
            'Rejection mein wahi error hona chahiye jo SDK ne aapko diya: reject(error) kijiye, apna naya error mat banaiye.',
          ),
        ).toBe(refusal.message);
      },
    );
  },
);

describe(inBoth('POST /api/upload'), () => {
  /** Sends the request; a route stuck on a promise that never settles gets a plain explanation. */
  function send(test: request.Test, explanation: string): Promise<request.Response> {
    return settleWithin(Promise.resolve(test), patience(), explanation);
  }

  it(
    said(
      'uploads the file and answers 201 with its url, fileId, size and name',
      'file upload karta hai aur 201 ke saath uska url, fileId, size aur name batata hai',
    ),
    async () => {
      const bytes = audio();
      const res = await send(
        request(createApp(lesson.exercise)).post('/api/upload').attach('file', bytes, 'tum-hi-ho.mp3'),
        NEVER_RESOLVED,
      );
      expect(
        res.status,
        said(
          `POST /api/upload answered ${res.status}: ${JSON.stringify(res.body)}`,
          `POST /api/upload ka jawab ${res.status} aaya: ${JSON.stringify(res.body)}`,
        ),
      ).toBe(201);
      expect(
        res.body,
        said(
          'The answer should describe the stored file: resolve with the result the SDK gives you.',
          'Jawab mein store hui file ki details honi chahiye: SDK jo result deta hai, usi ke saath resolve kijiye.',
        ),
      ).toMatchObject({
        ok: true,
        url: expect.any(String),
        fileId: expect.any(String),
        size: bytes.length,
        name: expect.stringMatching(/^tum-hi-ho/),
      });
    },
  );

  it(
    said(
      'answers 502 JSON with a plain message when the storage fails',
      'storage fail ho toh 502 JSON ke saath saaf message deta hai',
    ),
    async (context) => {
      localStorageOnly(context).failNext(1, plannedRefusal(403));
      const res = await send(
        request(createApp(lesson.exercise)).post('/api/upload').attach('file', audio(), 'refused.mp3'),
        NEVER_REJECTED,
      );
      expect(
        res.status,
        said(
          `POST /api/upload answered ${res.status} when the storage refused the file: uploadFile() should reject(error), ` +
            'so the route can answer 502.',
          `Jab storage ne file lene se mana kiya, tab POST /api/upload ka jawab ${res.status} aaya: uploadFile() ko ` +
            'reject(error) karna chahiye, taaki route 502 ka jawab de sake.',
        ),
      ).toBe(502);
      expect(
        res.body.error,
        said(
          "The 502 answer should pass on ImageKit's message, which comes from the error your promise rejects with: " +
            'call reject(error) with the error the SDK gives you.',
          '502 jawab mein ImageKit ka message aage jaana chahiye, jo us error se aata hai jiske saath aapka promise ' +
            'reject hota hai: SDK jo error deta hai, usi ke saath reject(error) call kijiye.',
        ),
      ).toContain(plannedRefusal(403).message);
    },
  );
});
