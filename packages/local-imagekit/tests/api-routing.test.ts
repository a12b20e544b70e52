// The SDK's management calls go to https://api.imagekit.io/ through axios's
// default instance; while a local storage runs, and only then, they are sent
// to it instead. Nothing here contacts ImageKit's servers: where a request
// would leave the machine, a probe in axios's adapter stops it first.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { sep } from 'node:path';
import ImageKit from 'imagekit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sdkAxios } from '../src/sdk-routing.mjs';
import { startStorage, type PlaygroundStorage } from '../src/start-storage.ts';

/** axios as the tests see it: callable, with defaults and the interceptor list. */
interface TestAxios {
  (settings: { url: string; method: string }): Promise<unknown>;
  defaults: { adapter: unknown };
  interceptors: { request: { forEach(visit: (handler: unknown) => void): void } };
}
const axios = sdkAxios() as unknown as TestAxios;

const running: PlaygroundStorage[] = [];
async function localStorage(): Promise<PlaygroundStorage> {
  const storage = await startStorage({ quiet: true });
  running.push(storage);
  return storage;
}
beforeEach(() => {
  vi.stubEnv('IMAGEKIT_PUBLIC_KEY', ''); // keys in the shell would select the real ImageKit
});
afterEach(async () => {
  await Promise.all(running.splice(0).map((storage) => storage.stop()));
  vi.unstubAllEnvs();
});

/** The URL a request made by `send` leaves with; the probe stops it there, so nothing goes out. */
async function whereItGoes(send: () => Promise<unknown>): Promise<string> {
  const saved = axios.defaults.adapter;
  let url = '';
  axios.defaults.adapter = async (settings: { url: string }) => {
    url = settings.url;
    throw new Error('Stopped by the test probe.');
  };
  try {
    await send().catch(() => undefined);
  } finally {
    axios.defaults.adapter = saved;
  }
  return url;
}

function interceptorCount(): number {
  let count = 0;
  axios.interceptors.request.forEach(() => {
    count++;
  });
  return count;
}

function sdkFor(storage: PlaygroundStorage): ImageKit {
  return new ImageKit(storage.options);
}

function originOf(storage: PlaygroundStorage): string {
  return new URL(storage.options.uploadEndpoint!).origin;
}

describe('the axios the routing changes', () => {
  it("is the very module the SDK's request helper required", () => {
    const requestHelper = createRequire(import.meta.url).resolve('imagekit/dist/utils/request.js');
    const loaded = createRequire(import.meta.url).cache[requestHelper];
    const axiosModule = loaded?.children.find((child) => child.id.includes(`${sep}axios${sep}`));
    expect(axiosModule?.exports).toBe(sdkAxios());
  });

  it('is not the copy an ESM import of axios gives, which the SDK never uses', async () => {
    const esm = (await import('axios')).default;
    expect(esm).not.toBe(sdkAxios());
  });
});

describe('while a local storage runs', () => {
  it("sends the SDK's deleteFile to it instead of api.imagekit.io", async () => {
    const storage = await localStorage();
    const url = await whereItGoes(() => sdkFor(storage).deleteFile('abc123'));
    expect(url).toBe(`${originOf(storage)}/v1/files/abc123`);
  });

  it('leaves requests for other addresses alone', async () => {
    await localStorage();
    for (const url of [
      'https://upload.imagekit.io/api/v1/files/upload',
      'http://api.imagekit.io/v1/files/abc',
      'https://api.imagekit.io.example.com/v1/files/abc',
      'https://example.com/https://api.imagekit.io/v1',
    ]) {
      expect(await whereItGoes(() => axios({ url, method: 'DELETE' }))).toBe(url);
    }
  });

  it('lets a request to another local server reach that server, path intact', async () => {
    await localStorage();
    const seen: string[] = [];
    const other: Server = createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"fileId":"x"}');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const uploadEndpoint = `http://127.0.0.1:${(other.address() as AddressInfo).port}/v1/files/upload`;
      const elsewhere = new ImageKit({ publicKey: 'p', privateKey: 'k', urlEndpoint: 'http://x/', uploadEndpoint });
      await elsewhere.upload({ file: Buffer.from('x'), fileName: 'x.txt' });
      expect(seen).toEqual(['POST /v1/files/upload']);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it('sends to the newest of two local storages, then to the older one when the newest stops', async () => {
    const older = await localStorage();
    const newer = await localStorage();
    const sdk = sdkFor(older);
    expect(await whereItGoes(() => sdk.deleteFile('a'))).toBe(`${originOf(newer)}/v1/files/a`);
    await newer.stop();
    expect(await whereItGoes(() => sdk.deleteFile('a'))).toBe(`${originOf(older)}/v1/files/a`);
  });
});

describe('with an HTTP_PROXY in the environment', () => {
  it("keeps the SDK's uploads and deletes for the local storage away from the proxy, and only those", async () => {
    const proxied: string[] = [];
    const proxy = createServer((req, res) => {
      proxied.push(`${req.method} ${req.url}`);
      res.writeHead(502, { 'Content-Type': 'application/json' }).end('{"message":"from the proxy"}');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      vi.stubEnv('HTTP_PROXY', `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`);
      for (const name of ['http_proxy', 'NO_PROXY', 'no_proxy']) vi.stubEnv(name, '');
      const storage = await localStorage();
      const sdk = sdkFor(storage);
      const { fileId } = await sdk.upload({ file: Buffer.from('x'), fileName: 'x.txt' });
      await sdk.deleteFile(fileId);
      expect(proxied).toEqual([]);
      // Any other address still goes through the proxy, as the learner's settings say.
      await axios({ url: 'http://127.0.0.1:1/elsewhere', method: 'GET' }).catch(() => undefined);
      expect(proxied).toEqual(['GET http://127.0.0.1:1/elsewhere']);
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});

describe('after storage.stop()', () => {
  it('takes the interceptor out of axios and lets deleteFile go to api.imagekit.io unchanged', async () => {
    const before = interceptorCount();
    const storage = await localStorage();
    expect(interceptorCount()).toBe(before + 1);
    await storage.stop();
    expect(interceptorCount()).toBe(before);
    const url = await whereItGoes(() => sdkFor(storage).deleteFile('abc123'));
    expect(url).toBe('https://api.imagekit.io/v1/files/abc123');
  });
});

describe('with real ImageKit keys', () => {
  it('routes nothing: deleteFile goes to api.imagekit.io', async () => {
    vi.stubEnv('IMAGEKIT_PUBLIC_KEY', 'public_abc=');
    vi.stubEnv('IMAGEKIT_PRIVATE_KEY', 'private_abc=');
    vi.stubEnv('IMAGEKIT_URL_ENDPOINT', 'https://ik.imagekit.io/learner');
    const before = interceptorCount();
    const storage = await startStorage({ quiet: true });
    expect(storage.kind).toBe('imagekit');
    expect(interceptorCount()).toBe(before);
    const url = await whereItGoes(() => sdkFor(storage).deleteFile('abc123'));
    expect(url).toBe('https://api.imagekit.io/v1/files/abc123');
  });
});
