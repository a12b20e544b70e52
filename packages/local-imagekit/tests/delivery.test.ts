// Files come back from the URL endpoint the way ImageKit's CDN serves them:
// same bytes, right Content-Type, byte ranges for seeking, and URLs the SDK
// builds (with `//` or transformations) accepted.
import { request } from 'node:http';
import ImageKit from 'imagekit';
import { beforeAll, describe, expect, it } from 'vitest';
import { useLocalStorage } from './support/local-storage.ts';

const local = useLocalStorage();
const song = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 256));
let songUrl: string;
let songPath: string;

beforeAll(async () => {
  const uploaded = await local.imagekit.upload({ file: song, fileName: 'song.mp3', folder: 'music' });
  songUrl = uploaded.url;
  songPath = uploaded.filePath;
});

/** GET or HEAD with headers, returning status, headers and body bytes. */
async function get(url: string, headers: Record<string, string> = {}, method = 'GET') {
  const res = await fetch(url, { method, headers });
  return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
}

describe('GET on an uploaded file', () => {
  it('serves the same bytes with the Content-Type of its extension', async () => {
    const res = await get(songUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.body.equals(song)).toBe(true);
  });

  it('picks the Content-Type from the extension for common kinds', async () => {
    const kinds: Record<string, string> = {
      'a.wav': 'audio/wav',
      'a.ogg': 'audio/ogg',
      'a.m4a': 'audio/mp4',
      'a.mp4': 'video/mp4',
      'a.png': 'image/png',
      'a.jpg': 'image/jpeg',
      'a.gif': 'image/gif',
      'a.webp': 'image/webp',
      'a.svg': 'image/svg+xml',
      'a.pdf': 'application/pdf',
      'a.txt': 'text/plain; charset=utf-8',
      'a.json': 'application/json; charset=utf-8',
      'a.html': 'application/octet-stream',
    };
    for (const [fileName, type] of Object.entries(kinds)) {
      const { url } = await local.imagekit.upload({ file: Buffer.from('x'), fileName });
      expect((await get(url)).headers.get('content-type')).toBe(type);
    }
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await get(songUrl, {}, 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.body.length).toBe(0);
  });
});

describe('GET with a Range header', () => {
  it('sends just the bytes asked for, with 206 and Content-Range', async () => {
    const res = await get(songUrl, { Range: 'bytes=100-199' });
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(res.body.equals(song.subarray(100, 200))).toBe(true);
  });

  it('sends from an offset to the end', async () => {
    const res = await get(songUrl, { Range: 'bytes=990-' });
    expect(res.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect(res.body.equals(song.subarray(990))).toBe(true);
  });

  it('sends the last n bytes', async () => {
    const res = await get(songUrl, { Range: 'bytes=-10' });
    expect(res.status).toBe(206);
    expect(res.body.equals(song.subarray(990))).toBe(true);
  });

  it('clips a range that runs past the end', async () => {
    const res = await get(songUrl, { Range: 'bytes=995-5000' });
    expect(res.headers.get('content-range')).toBe('bytes 995-999/1000');
  });

  it('answers 416 with JSON for a range past the end', async () => {
    const res = await get(songUrl, { Range: 'bytes=1000-' });
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  });

  it('sends the whole file for a range it does not understand', async () => {
    const res = await get(songUrl, { Range: 'bytes=0-1,5-9' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(1000);
  });
});

describe('URLs the SDK builds', () => {
  it('accepts `//` in the path (SDK issue 111)', async () => {
    const slashy = new ImageKit({ ...local.storage.options, urlEndpoint: `${local.storage.options.urlEndpoint}/` });
    const url = slashy.url({ path: songPath });
    expect(url).toContain('//music');
    expect((await get(url)).body.equals(song)).toBe(true);
  });

  it('serves the original for a transformation in the path', async () => {
    const url = local.imagekit.url({ path: songPath, transformation: [{ width: '300', height: '200' }] });
    expect(url).toContain('/tr:w-300,h-200/');
    expect((await get(url)).body.equals(song)).toBe(true);
  });

  it('ignores ?tr= and ?ik-sdk-version= queries', async () => {
    const url = local.imagekit.url({
      path: songPath,
      transformation: [{ width: '300' }],
      transformationPosition: 'query',
    });
    expect(url).toContain('?tr=w-300');
    expect((await get(url)).body.equals(song)).toBe(true);
    expect((await get(`${songUrl}?ik-sdk-version=javascript-1.0`)).body.equals(song)).toBe(true);
  });
});

describe('GET on a file that does not exist', () => {
  it('answers 404 with JSON', async () => {
    const res = await get(`${local.storage.options.urlEndpoint}/music/nope.mp3`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body.toString())).toHaveProperty('message');
  });

  it('answers 404 for a folder', async () => {
    expect((await get(`${local.storage.options.urlEndpoint}/music`)).status).toBe(404);
  });

  it('answers 404 with JSON to HEAD too, with no body', async () => {
    const status = await new Promise<number>((resolve) => {
      request(`${local.storage.options.urlEndpoint}/nope.mp3`, { method: 'HEAD' }, (res) => {
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        res.resume();
        resolve(res.statusCode!);
      }).end();
    });
    expect(status).toBe(404);
  });
});
