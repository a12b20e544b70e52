// Requests the SDK would never send (fields left out, no key, wrong routes)
// still get ImageKit's status codes and a JSON `{message, help}` body.
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { useLocalStorage } from './support/local-storage.ts';

const HELP = 'For support kindly contact us at support@imagekit.io .';
const local = useLocalStorage();

/** Sends a hand-made multipart body, so fields the SDK insists on can be left out. */
function rawUpload(
  fields: Record<string, string>,
  authorization?: string,
): Promise<{ status: number; type: string; body: any }> {
  const boundary = 'playground-boundary';
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const body = Buffer.from(`${parts.join('')}--${boundary}--\r\n`);
  const headers: Record<string, string | number> = {
    'Content-Type': `multipart/form-data; boundary=${boundary}`,
    'Content-Length': body.length,
  };
  if (authorization) headers.Authorization = authorization;
  return new Promise((resolve, reject) => {
    const req = request(local.storage.options.uploadEndpoint!, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode!,
          type: String(res.headers['content-type']),
          body: JSON.parse(Buffer.concat(chunks).toString()),
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const basicAuth = (key: string): string => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

describe('POST /api/v1/files/upload without the SDK', () => {
  const key = () => basicAuth(local.storage.options.privateKey);

  it('answers 401 with {message, help} when no key is sent', async () => {
    const answer = await rawUpload({ file: 'aGk=', fileName: 'a.txt' });
    expect(answer.status).toBe(401);
    expect(answer.type).toBe('application/json; charset=utf-8');
    expect(answer.body).toEqual({ message: expect.any(String), help: HELP });
  });

  it('answers 400 when the file is missing', async () => {
    const answer = await rawUpload({ fileName: 'a.txt' }, key());
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ message: 'Missing file parameter for upload', help: HELP });
  });

  it('answers 400 when the fileName is missing', async () => {
    const answer = await rawUpload({ file: 'aGk=' }, key());
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ message: 'Missing fileName parameter for upload', help: HELP });
  });

  it('answers 400 for tags with a % in them', async () => {
    const answer = await rawUpload({ file: 'aGk=', fileName: 'a.txt', tags: '100%' }, key());
    expect(answer.status).toBe(400);
  });

  it('answers 400 for a body that is not multipart', async () => {
    const status = await new Promise<number>((resolve) => {
      const req = request(
        local.storage.options.uploadEndpoint!,
        { method: 'POST', headers: { Authorization: key(), 'Content-Type': 'application/json' } },
        (res) => {
          res.resume();
          resolve(res.statusCode!);
        },
      );
      req.end('{"file":"x"}');
    });
    expect(status).toBe(400);
  });
});

describe('unknown routes', () => {
  it('answer JSON, never an empty or HTML body', async () => {
    const origin = new URL(local.storage.options.urlEndpoint).origin;
    for (const [method, path] of [
      ['GET', '/'],
      ['POST', '/api/v2/files/upload'],
      ['GET', '/api/v1/files/upload'],
      ['DELETE', '/playground/a.txt'],
    ]) {
      const res = await fetch(origin + path, { method });
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(await res.json()).toHaveProperty('message');
    }
  });
});
