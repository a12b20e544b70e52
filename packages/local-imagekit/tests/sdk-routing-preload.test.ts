// An app the learner starts as a process of its own reaches the local storage only through
// `node --import @playground/local-imagekit/sdk-routing-preload`: its SDK's deleteFile goes to
// api.imagekit.io otherwise. Nothing here leaves the machine: without the routing, the app fails.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useLocalStorage } from './support/local-storage.ts';

const run = promisify(execFile);
const preload = new URL('../src/sdk-routing-preload.mjs', import.meta.url).href;
const app = fileURLToPath(new URL('./support/preloaded-app.mjs', import.meta.url));
const local = useLocalStorage();

describe('an app started with the SDK routing preloaded', () => {
  it('uploads to the local storage and deletes there, never through an HTTP_PROXY', async () => {
    const proxied: string[] = [];
    const proxy = createServer((req, res) => {
      proxied.push(`${req.method} ${req.url}`);
      res.writeHead(502, { 'Content-Type': 'application/json' }).end('{"message":"from the proxy"}');
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const env = {
        PATH: process.env.PATH,
        ...local.storage.env,
        HTTP_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
      };
      const { stdout } = await run(process.execPath, ['--import', preload, app], { env });
      const fileId = /^deleted (\S+)$/m.exec(stdout)?.[1];
      expect(fileId).toBeTruthy();
      expect(proxied).toEqual([]);
      // Gone from the local storage: a second delete of it is answered there, with a 404.
      await expect(local.imagekit.deleteFile(fileId!)).rejects.toMatchObject({
        $ResponseMetadata: { statusCode: 404 },
      });
    } finally {
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
