// The code that starts the local storage can make uploads slow or failing on
// purpose, for the lessons about waiting and handling errors.
import ImageKit from 'imagekit';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startStorage, type PlaygroundStorage } from '../../src/storage/start-storage.ts';

const HELP = 'For support kindly contact us at support@imagekit.io .';
let storage: PlaygroundStorage;
let imagekit: ImageKit;
const upload = () => imagekit.upload({ file: Buffer.from('x'), fileName: 'x.txt' });

beforeAll(async () => {
  vi.stubEnv('IMAGEKIT_PUBLIC_KEY', '');
  storage = await startStorage({ quiet: true });
  imagekit = new ImageKit(storage.options);
});
afterEach(() => storage.faults.reset());
afterAll(async () => {
  await storage.stop();
  vi.unstubAllEnvs();
});

describe('faults.setLatency', () => {
  it('holds every upload answer back at least that long', async () => {
    storage.faults.setLatency(150);
    const started = performance.now();
    await upload();
    await expect(upload()).resolves.toHaveProperty('fileId');
    // A lower bound the server guarantees (it sleeps first), so this cannot flake on a slow machine.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 150 - 5);
  });

  it('refuses a negative latency', () => {
    expect(() => storage.faults.setLatency(-1)).toThrow(RangeError);
  });
});

describe('faults.failNext', () => {
  it('fails exactly the next n uploads with the given ImageKit-style error', async () => {
    storage.faults.failNext(2, { status: 503, message: 'Service temporarily unavailable.' });
    const outcomes: unknown[] = [];
    for (let i = 0; i < 3; i++) outcomes.push(await upload().catch((error: unknown) => error));
    expect(outcomes[0]).toEqual({ message: 'Service temporarily unavailable.', help: HELP });
    expect((outcomes[1] as any).$ResponseMetadata.statusCode).toBe(503);
    expect(outcomes[2]).toHaveProperty('fileId');
  });

  it('fails with an internal error (500) when no fault is given', async () => {
    storage.faults.failNext(1);
    await expect(upload()).rejects.toMatchObject({ help: HELP, $ResponseMetadata: { statusCode: 500 } });
    await expect(upload()).resolves.toHaveProperty('fileId');
  });

  it('passes rate-limit headers for a 429, which the SDK copies onto the error', async () => {
    storage.faults.failNext(1, { status: 429, message: 'Too many requests' });
    await expect(upload()).rejects.toMatchObject({
      message: 'Too many requests',
      'X-RateLimit-Limit': expect.any(Number),
    });
  });

  it('reaches a callback as the error argument', async () => {
    storage.faults.failNext(1, { status: 500, message: 'Boom' });
    const error = await new Promise((resolve) =>
      imagekit.upload({ file: Buffer.from('x'), fileName: 'x.txt' }, (err) => resolve(err)),
    );
    expect(error).toEqual({ message: 'Boom', help: HELP });
  });

  it('refuses a status that is not an HTTP error', () => {
    expect(() => storage.faults.failNext(1, { status: 200, message: 'fine' })).toThrow(RangeError);
  });
});

describe('faults.refuseAll', () => {
  it('answers 403 as a wrong key would, until switched off', async () => {
    storage.faults.refuseAll(true);
    await expect(upload()).rejects.toEqual({ message: 'Your account cannot be authenticated.', help: HELP });
    await expect(upload()).rejects.toMatchObject({ $ResponseMetadata: { statusCode: 403 } });
    storage.faults.refuseAll(false);
    await expect(upload()).resolves.toHaveProperty('fileId');
  });
});

describe('faults.reset', () => {
  it('clears latency, pending failures and refusal', async () => {
    storage.faults.failNext(3);
    storage.faults.refuseAll(true);
    storage.faults.reset();
    await expect(upload()).resolves.toHaveProperty('fileId');
  });
});
