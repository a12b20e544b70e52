// The offline stand-in for ImageKit: one node:http server on 127.0.0.1 that
// takes uploads at ImageKit's upload path, serves them back from its URL
// endpoint and deletes them at ImageKit's API path, with files kept in a
// temporary folder of its own.
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleDelete } from './delete-route.ts';
import { serveFile } from './delivery-route.ts';
import { FileIds } from './file-ids.ts';
import { routeImageKitApi } from './sdk-routing.mjs';
import { sendImageKitError } from './imagekit-errors.ts';
import { UploadFaults } from './upload-faults.ts';
import { handleUpload, type UploadContext } from './upload-route.ts';

/** What `new ImageKit(...)` needs. */
export interface ImageKitOptions {
  publicKey: string;
  privateKey: string;
  urlEndpoint: string;
  uploadEndpoint?: string;
}

/** The keys of the local storage; fixed, so a learner's `.env` keeps working between runs. */
const LOCAL_KEYS = { publicKey: 'public_playground_local', privateKey: 'private_playground_local' } as const;

// Stands where a real account's ImageKit id sits in `https://ik.imagekit.io/<id>`.
const URL_PREFIX = 'playground';
const UPLOAD_PATH = 'api/v1/files/upload';
// ImageKit's management API lives under `https://api.imagekit.io/v1/`.
const API_PREFIX = 'v1';

/** A running local storage. */
interface LocalStorage {
  options: Required<ImageKitOptions>;
  folder: string;
  faults: UploadFaults;
  stop(): Promise<void>;
}

/** Starts the local ImageKit-compatible server; resolves once it is listening. */
export async function startLocalStorage(port: number, maxFileBytes: number): Promise<LocalStorage> {
  // realpath: on macOS the temp folder is behind a symlink, and containment checks compare real paths.
  // PLAYGROUND_SCRATCH: the run's own temporary folder, removed however the run ends (src/runner/child-group.ts).
  const parent = process.env.PLAYGROUND_SCRATCH ?? tmpdir();
  const folder = await realpath(await mkdtemp(join(parent, 'imagekit-playground-')));
  const filesDir = join(folder, 'files');
  const incomingDir = join(folder, 'incoming');
  await mkdir(filesDir);
  await mkdir(incomingDir);

  const faults = new UploadFaults();
  const stopping = new AbortController();
  const pending = new Set<Promise<void>>();
  const ctx: UploadContext = {
    ...LOCAL_KEYS,
    urlEndpoint: '',
    filesDir,
    incomingDir,
    maxFileBytes,
    fileIds: new FileIds(),
    faults,
    stopping: stopping.signal,
  };

  const server = createServer((req, res) => {
    const handled = route(req, res, ctx).catch((error: unknown) => {
      sendImageKitError(res, 500, `The local storage failed: ${(error as Error).message}`);
    });
    pending.add(handled);
    void handled.finally(() => pending.delete(handled));
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Port ${port} is already in use. Stop whatever uses it, or choose another port.`);
    }
    throw error;
  }
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  ctx.urlEndpoint = `${origin}/${URL_PREFIX}`;
  // The SDK's deleteFile has no endpoint option: it reaches this server only through this routing.
  const stopRouting = routeImageKitApi(origin);

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      stopRouting();
      stopping.abort();
      const closed = new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await closed;
      // Let cut-off uploads finish cleaning up, so nothing is written after the folder goes.
      await Promise.allSettled([...pending]);
      await rm(folder, { recursive: true, force: true, maxRetries: 3 });
    })();
    return stopped;
  };

  return {
    options: { ...LOCAL_KEYS, urlEndpoint: ctx.urlEndpoint, uploadEndpoint: `${origin}/${UPLOAD_PATH}` },
    folder,
    faults,
    stop,
  };
}

async function route(req: IncomingMessage, res: ServerResponse, ctx: UploadContext): Promise<void> {
  const rawPath = (req.url ?? '/').split('?')[0];
  // Empty segments are dropped, which also accepts the SDK's `//` (its issue 111).
  const segments = rawPath.split('/').filter((segment) => segment !== '');
  const method = req.method ?? 'GET';
  if (segments.join('/') === UPLOAD_PATH) {
    if (method === 'POST') return handleUpload(req, res, ctx);
    return refuseMethod(req, res, 'POST');
  }
  if (segments[0] === API_PREFIX) {
    const [, collection, fileId, ...rest] = segments;
    if (method === 'DELETE' && collection === 'files' && fileId && rest.length === 0) {
      return handleDelete(req, res, ctx, fileId);
    }
    req.resume();
    // The SDK's other management calls (getFileDetails, listFiles…) land here.
    return sendImageKitError(
      res,
      501,
      `The local storage answers only one of ImageKit's management calls: deleteFile (DELETE /${API_PREFIX}/files/:fileId), not ${method} ${rawPath}.`,
    );
  }
  if (segments[0] === URL_PREFIX) {
    if (method === 'GET' || method === 'HEAD') return serveFile(req, res, ctx.filesDir, segments.slice(1));
    return refuseMethod(req, res, 'GET, HEAD');
  }
  req.resume();
  sendImageKitError(
    res,
    404,
    `Nothing lives at ${method} ${rawPath} on this storage. Uploads go to POST /${UPLOAD_PATH}, deletes to DELETE /${API_PREFIX}/files/:fileId; files are under /${URL_PREFIX}/.`,
  );
}

function refuseMethod(req: IncomingMessage, res: ServerResponse, allowed: string): void {
  req.resume();
  sendImageKitError(res, 405, `This path only answers ${allowed}.`, { Allow: allowed });
}
