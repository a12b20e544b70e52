// Which storage starts, what it hands a learner's code, and that it cleans up.
// Nothing here contacts ImageKit's servers.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import ImageKit from 'imagekit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startStorage } from '../src/start-storage.ts';

const REAL = {
  IMAGEKIT_PUBLIC_KEY: 'public_abc=',
  IMAGEKIT_PRIVATE_KEY: 'private_abc=',
  IMAGEKIT_URL_ENDPOINT: 'https://ik.imagekit.io/learner',
};
const DEFAULT_UPLOAD_ENDPOINT = 'https://upload.imagekit.io/api/v1/files/upload';

function stubEnv(vars: Record<string, string>): void {
  for (const name of [...Object.keys(REAL), 'IMAGEKIT_UPLOAD_ENDPOINT']) vi.stubEnv(name, vars[name] ?? '');
}
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('startStorage with IMAGEKIT_* keys set', () => {
  it('selects the real ImageKit and hands back those keys, without the upload endpoint', async () => {
    stubEnv(REAL);
    const storage = await startStorage({ quiet: true });
    expect(storage.kind).toBe('imagekit');
    expect(storage.options).toEqual({
      publicKey: 'public_abc=',
      privateKey: 'private_abc=',
      urlEndpoint: 'https://ik.imagekit.io/learner',
    });
    expect(storage.env).toEqual(REAL);
    expect(storage.folder).toBeUndefined();
    await storage.stop();
  });

  it('keeps an upload endpoint the learner set themselves', async () => {
    stubEnv({ ...REAL, IMAGEKIT_UPLOAD_ENDPOINT: 'https://upload.example/api' });
    const storage = await startStorage({ quiet: true });
    expect(storage.options.uploadEndpoint).toBe('https://upload.example/api');
  });

  it('says so in one line unless quiet', async () => {
    stubEnv(REAL);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await startStorage();
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0][0])).toContain('ImageKit account');
    log.mockRestore();
  });

  it('has faults that throw a clear error', async () => {
    stubEnv(REAL);
    const { faults } = await startStorage({ quiet: true });
    expect(() => faults.setLatency(10)).toThrow(/local storage/);
    expect(() => faults.failNext(1)).toThrow(/local storage/);
    expect(() => faults.refuseAll(true)).toThrow(/local storage/);
  });

  it('is not selected when one of the three keys is missing', async () => {
    stubEnv({ ...REAL, IMAGEKIT_URL_ENDPOINT: '' });
    const storage = await startStorage({ quiet: true });
    expect(storage.kind).toBe('local');
    await storage.stop();
  });
});

describe('uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT when that variable is unset', () => {
  it("keeps the SDK's default upload endpoint", async () => {
    // Catch the SDK's request inside axios before it leaves the process.
    const axios = createRequire(createRequire(import.meta.url).resolve('imagekit'))('axios');
    let target: string | undefined;
    const catcher = axios.interceptors.request.use((config: { url: string }) => {
      target = config.url;
      throw new Error('stopped before the network');
    });
    try {
      for (const uploadEndpoint of [undefined, '']) {
        target = undefined;
        const imagekit = new ImageKit({
          publicKey: 'p',
          privateKey: 'k',
          urlEndpoint: 'https://ik.imagekit.io/x',
          uploadEndpoint,
        });
        await expect(imagekit.upload({ file: Buffer.from('x'), fileName: 'x.txt' })).rejects.toThrow(
          'stopped before the network',
        );
        expect(target).toBe(DEFAULT_UPLOAD_ENDPOINT);
      }
    } finally {
      axios.interceptors.request.eject(catcher);
    }
  });
});

describe('the local storage', () => {
  it('hands out the four env vars a learner reads, and they work with the SDK', async () => {
    stubEnv({});
    const storage = await startStorage({ quiet: true });
    try {
      expect(storage.kind).toBe('local');
      expect(Object.keys(storage.env).sort()).toEqual([
        'IMAGEKIT_PRIVATE_KEY',
        'IMAGEKIT_PUBLIC_KEY',
        'IMAGEKIT_UPLOAD_ENDPOINT',
        'IMAGEKIT_URL_ENDPOINT',
      ]);
      for (const [name, value] of Object.entries(storage.env)) vi.stubEnv(name, value);
      // Exactly what learners write.
      const imagekit = new ImageKit({
        publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
        privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
        urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
        uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
      });
      const result = await imagekit.upload({ file: Buffer.from('hi'), fileName: 'hi.txt' });
      expect(result.url.startsWith(storage.env.IMAGEKIT_URL_ENDPOINT)).toBe(true);
    } finally {
      await storage.stop();
    }
  });

  it('removes its folder on stop(), and stop() can be called twice', async () => {
    stubEnv({});
    const storage = await startStorage({ quiet: true });
    await new ImageKit(storage.options).upload({ file: Buffer.from('x'), fileName: 'x.txt', folder: 'a/b' });
    expect(existsSync(storage.folder!)).toBe(true);
    await storage.stop();
    expect(existsSync(storage.folder!)).toBe(false);
    await storage.stop();
  });

  it('explains a port that is already taken', async () => {
    stubEnv({});
    const first = await startStorage({ quiet: true });
    const { port } = new URL(first.options.urlEndpoint);
    await expect(startStorage({ quiet: true, port: Number(port) })).rejects.toThrow(`Port ${port} is already in use`);
    await first.stop();
  });
});
