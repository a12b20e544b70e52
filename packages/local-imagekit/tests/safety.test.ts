// Nothing a client sends can read or write outside the storage folder, and a
// too-large or abandoned upload leaves no partial file behind.
import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { join, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import ImageKit from 'imagekit';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, startStorage } from '../src/start-storage.ts';
import { useLocalStorage } from './support/local-storage.ts';

const SMALL_LIMIT = 64 * 1024;
const local = useLocalStorage({ maxFileBytes: SMALL_LIMIT });

// The tests are listed before the storage has a folder, so this path is filled in when the test runs.
const ABSOLUTE_SECRET = "/playground/<the secret file's absolute path, encoded>";

/** Every file under the storage folder, as paths relative to it. */
async function filesIn(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
}

/** Polls a condition (no fixed sleep): resolves as soon as it holds. */
async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await sleep(5);
}

/** A GET whose path goes to the server exactly as written (fetch would tidy `..` away). */
function rawGet(path: string): Promise<{ status: number; type: string; body: string }> {
  const { port } = new URL(local.storage.options.urlEndpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('upload with a tricky folder or fileName', () => {
  const cases: Array<[string, { folder?: string; fileName: string }, string]> = [
    ['folder ../../etc', { folder: '../../etc', fileName: 'passwd' }, '/etc/passwd'],
    ['folder /etc', { folder: '/etc', fileName: 'hosts' }, '/etc/hosts'],
    ['backslashes', { folder: '..\\..\\win', fileName: 'a.txt' }, '/win/a.txt'],
    ['encoded separators', { folder: '%2F..%2F%2e%2e', fileName: '%2e%2e%2Fa.txt' }, '/_2F.._2F_2e_2e/_2e_2e_2Fa.txt'],
    ['a fileName with ..', { fileName: '../../evil.txt' }, '/.._.._evil.txt'],
    ['a fileName that is just ..', { fileName: '..' }, '/__'],
    ['NUL bytes', { folder: 'x\0/..', fileName: 'a\0b.txt' }, '/x_/a_b.txt'],
  ];
  for (const [what, fields, expectedPath] of cases) {
    it(`keeps the file inside the storage folder: ${what}`, async () => {
      // As base64 text, so the fileName travels only as a field (a file part also puts it in a header).
      const file = Buffer.from(what).toString('base64');
      const result = await local.imagekit.upload({ file, useUniqueFileName: false, ...fields });
      expect(result.filePath).toBe(expectedPath);
      expect(existsSync(join(local.storage.folder!, 'files', ...expectedPath.split('/')))).toBe(true);
    });
  }

  it('keeps the file inside for a tricky name in the file part header too', async () => {
    const result = await local.imagekit.upload({
      file: Buffer.from('x'),
      fileName: '../../../evil.txt',
      useUniqueFileName: false,
    });
    expect(result.filePath).toBe('/.._.._.._evil.txt');
  });

  it('refuses a NUL byte in the file part header with a 400', async () => {
    await expect(local.imagekit.upload({ file: Buffer.from('x'), fileName: 'a\0b.txt' })).rejects.toMatchObject({
      $ResponseMetadata: { statusCode: 400 },
    });
  });

  it('refuses a folder name or a folder path too long for the disk with a 400 that names no server path', async () => {
    for (const folder of ['a'.repeat(256), Array.from({ length: 2000 }, () => 'd').join('/')]) {
      const refused = await local.imagekit.upload({ file: Buffer.from('x'), fileName: 'a.txt', folder }).then(
        () => undefined,
        (error: { message?: string; $ResponseMetadata?: { statusCode: number } }) => error,
      );
      expect(refused?.$ResponseMetadata?.statusCode).toBe(400);
      expect(refused?.message).toMatch(/^The folder is too long/);
      expect(refused?.message).not.toContain(local.storage.folder!);
    }
  });

  it('wrote nothing next to the storage folder', () => {
    const parent = join(local.storage.folder!, '..');
    expect(existsSync(join(parent, 'evil.txt'))).toBe(false);
    expect(existsSync(join(parent, 'etc', 'passwd'))).toBe(false);
  });
});

describe('GET with a path that tries to leave the folder', () => {
  beforeAll(async () => {
    // A file outside the served folder that no URL may reach.
    await writeFile(join(local.storage.folder!, 'secret.txt'), 'secret');
  });

  const paths = [
    '/playground/../secret.txt',
    '/playground/%2e%2e/secret.txt',
    '/playground/%2E%2E%2Fsecret.txt',
    '/playground/..%2Fsecret.txt',
    '/playground/..%5Csecret.txt',
    '/playground/..\\secret.txt',
    '/playground/a%00.txt',
    '/playground/%E0%A4%A',
    '/playground//../secret.txt',
    '/playground/tr:w-100/../secret.txt',
    ABSOLUTE_SECRET,
    '/etc/passwd',
    '/playground/etc/shadow',
  ];
  for (const path of paths) {
    it(`refuses ${path} with JSON, never the file`, async () => {
      const res = await rawGet(
        path === ABSOLUTE_SECRET
          ? `/playground/${encodeURIComponent(join(local.storage.folder!, 'secret.txt'))}`
          : path,
      );
      expect([400, 404]).toContain(res.status);
      expect(res.type).toBe('application/json; charset=utf-8');
      expect(res.body).not.toContain('secret"');
      expect(res.body).not.toBe('secret');
    });
  }
});

describe('upload over the size limit', () => {
  it('answers 413 with {message, help} and leaves no partial file', async () => {
    const before = await filesIn(local.storage.folder!);
    await expect(
      local.imagekit.upload({ file: Buffer.alloc(SMALL_LIMIT + 1, 7), fileName: 'big.bin' }),
    ).rejects.toMatchObject({
      message: expect.stringContaining('limit'),
      help: expect.any(String),
      $ResponseMetadata: { statusCode: 413 },
    });
    expect(await filesIn(local.storage.folder!)).toEqual(before);
  });

  it('accepts a file of exactly the limit', async () => {
    const result = await local.imagekit.upload({ file: Buffer.alloc(SMALL_LIMIT, 7), fileName: 'edge.bin' });
    expect(result.size).toBe(SMALL_LIMIT);
  });

  it('caps base64 strings too', async () => {
    const text = Buffer.alloc(SMALL_LIMIT + 1, 7).toString('base64');
    await expect(local.imagekit.upload({ file: text, fileName: 'big.bin' })).rejects.toMatchObject({
      $ResponseMetadata: { statusCode: 413 },
    });
    const huge = Buffer.alloc(SMALL_LIMIT * 2).toString('base64');
    await expect(
      local.imagekit.upload({ file: `data:application/octet-stream;base64,${huge}`, fileName: 'big.bin' }),
    ).rejects.toMatchObject({
      $ResponseMetadata: { statusCode: 413 },
    });
  });

  it(`uses ImageKit's free-plan limit, ${MAX_UPLOAD_BYTES} bytes, by default`, async () => {
    const roomy = await startStorage({ quiet: true });
    try {
      const sdk = new ImageKit(roomy.options);
      await expect(sdk.upload({ file: Buffer.alloc(MAX_UPLOAD_BYTES + 1), fileName: 'big.bin' })).rejects.toMatchObject(
        {
          $ResponseMetadata: { statusCode: 413 },
        },
      );
      expect(await filesIn(roomy.folder!)).toEqual([]);
    } finally {
      await roomy.stop();
    }
  });
});

describe('upload abandoned halfway', () => {
  it('leaves no partial file, and the server keeps serving', async () => {
    const { port } = new URL(local.storage.options.urlEndpoint);
    const boundary = 'abandoned';
    const head =
      `--${boundary}\r\nContent-Disposition: form-data; name="fileName"\r\n\r\nhalf.bin\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="half.bin"\r\n` +
      'Content-Type: application/octet-stream\r\n\r\n';
    const socket = connect(Number(port), '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      'POST /api/v1/files/upload HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
        `Authorization: Basic ${Buffer.from(`${local.storage.options.privateKey}:`).toString('base64')}\r\n` +
        `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: ${SMALL_LIMIT}\r\n\r\n`,
    );
    socket.write(head);
    socket.write(Buffer.alloc(4096, 1));
    const incoming = join(local.storage.folder!, 'incoming');
    await waitFor(async () => (await readdir(incoming)).length > 0); // the upload has started writing
    socket.destroy();
    await waitFor(async () => (await readdir(incoming)).length === 0);
    expect((await filesIn(local.storage.folder!)).filter((path) => path.includes('half'))).toEqual([]);

    const result = await local.imagekit.upload({ file: Buffer.from('still here'), fileName: 'after.txt' });
    expect(result.size).toBe(10);
  });

  it('keeps every stored file in files/, and nothing in incoming/', async () => {
    // secret.txt is the one this file's GET tests put next to files/ themselves.
    for (const path of await filesIn(local.storage.folder!))
      expect(path.startsWith(`files${sep}`) || path === 'secret.txt', path).toBe(true);
  });
});
