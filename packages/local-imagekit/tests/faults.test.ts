// The code that starts the local storage can make uploads slow or failing on
// purpose, for the lessons about waiting and handling errors.
import { afterEach, describe, expect, it } from 'vitest';
import { useLocalStorage } from './support/local-storage.ts';

const HELP = 'For support kindly contact us at support@imagekit.io .';
const local = useLocalStorage();
const upload = () => local.imagekit.upload({ file: Buffer.from('x'), fileName: 'x.txt' });

afterEach(() => local.storage.faults.reset());

describe('faults.setLatency', () => {
  it('holds every upload answer back at least that long', async () => {
    local.storage.faults.setLatency(150);
    const started = performance.now();
    await upload();
    await expect(upload()).resolves.toHaveProperty('fileId');
    // A lower bound the server guarantees (it sleeps first), so this cannot flake on a slow machine.
    expect(performance.now() - started).toBeGreaterThanOrEqual(2 * 150 - 5);
  });

  it('refuses a negative latency', () => {
    expect(() => local.storage.faults.setLatency(-1)).toThrow(RangeError);
  });
});

describe('faults.failNext', () => {
  it('fails exactly the next n uploads with the given ImageKit-style error', async () => {
    local.storage.faults.failNext(2, { status: 503, message: 'Service temporarily unavailable.' });
    const outcomes: unknown[] = [];
    for (let i = 0; i < 3; i++) outcomes.push(await upload().catch((error: unknown) => error));
    expect(outcomes[0]).toEqual({ message: 'Service temporarily unavailable.', help: HELP });
    expect((outcomes[1] as any).$ResponseMetadata.statusCode).toBe(503);
    expect(outcomes[2]).toHaveProperty('fileId');
  });

  it('fails with an internal error (500) when no fault is given', async () => {
    local.storage.faults.failNext(1);
    await expect(upload()).rejects.toMatchObject({ help: HELP, $ResponseMetadata: { statusCode: 500 } });
    await expect(upload()).resolves.toHaveProperty('fileId');
  });

  it('passes rate-limit headers for a 429, which the SDK copies onto the error', async () => {
    local.storage.faults.failNext(1, { status: 429, message: 'Too many requests' });
    await expect(upload()).rejects.toMatchObject({
      message: 'Too many requests',
      'X-RateLimit-Limit': expect.any(Number),
    });
  });

  it('reaches a callback as the error argument', async () => {
    local.storage.faults.failNext(1, { status: 500, message: 'Boom' });
    const error = await new Promise((resolve) =>
      local.imagekit.upload({ file: Buffer.from('x'), fileName: 'x.txt' }, (err) => resolve(err)),
    );
    expect(error).toEqual({ message: 'Boom', help: HELP });
  });

  it('refuses a status that is not an HTTP error', () => {
    expect(() => local.storage.faults.failNext(1, { status: 200, message: 'fine' })).toThrow(RangeError);
  });
});

describe('faults.refuseAll', () => {
  it('answers 403 as a wrong key would, until switched off', async () => {
    local.storage.faults.refuseAll(true);
    await expect(upload()).rejects.toEqual({ message: 'Your account cannot be authenticated.', help: HELP });
    await expect(upload()).rejects.toMatchObject({ $ResponseMetadata: { statusCode: 403 } });
    local.storage.faults.refuseAll(false);
    await expect(upload()).resolves.toHaveProperty('fileId');
  });
});

describe('faults.reset', () => {
  it('clears latency, pending failures and refusal', async () => {
    local.storage.faults.failNext(3);
    local.storage.faults.refuseAll(true);
    local.storage.faults.reset();
    await expect(upload()).resolves.toHaveProperty('fileId');
  });
});
