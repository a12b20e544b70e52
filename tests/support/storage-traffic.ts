// What the local storage did, seen through Node's diagnostics channels (it is a server in the
// test's own process): uploads received and stored, files deleted, files served in parts (the
// byte ranges an <audio> asks for). Nothing is replaced: the
// learner's SDK calls and the storage run unchanged.
import diagnostics from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll } from 'vitest';

const UPLOAD_PATH = '/api/v1/files/upload';
const DELETE_PREFIX = '/v1/files/';
const FILES_PREFIX = '/playground/';

/** Counts of the storage's work since the test file started. */
interface StorageTraffic {
  /** Uploads that reached the storage, stored or not. */
  readonly uploadsReceived: number;
  /** Files the storage stored (uploads it answered with 200). */
  readonly stored: number;
  /** Files it deleted (deletes it answered with 204). */
  readonly removed: number;
  /** Byte ranges of files it served (206 Partial Content), as a browser's <audio> asks for them. */
  readonly rangesServed: number;
}

function kindOf(request: IncomingMessage): 'upload' | 'delete' | 'file' | undefined {
  const path = (request.url ?? '').split('?')[0];
  if (request.method === 'POST' && path === UPLOAD_PATH) return 'upload';
  if (request.method === 'DELETE' && path.startsWith(DELETE_PREFIX)) return 'delete';
  if (request.method === 'GET' && path.startsWith(FILES_PREFIX)) return 'file';
  return undefined;
}

/** Watches the storage's uploads and deletes for the whole test file. */
export function watchStorageTraffic(): StorageTraffic {
  const counts = { uploadsReceived: 0, stored: 0, removed: 0, rangesServed: 0 };
  const onStart = (message: unknown) => {
    if (kindOf((message as { request: IncomingMessage }).request) === 'upload') counts.uploadsReceived += 1;
  };
  const onFinish = (message: unknown) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const kind = kindOf(request);
    if (kind === 'upload' && response.statusCode === 200) counts.stored += 1;
    if (kind === 'delete' && response.statusCode === 204) counts.removed += 1;
    if (kind === 'file' && response.statusCode === 206) counts.rangesServed += 1;
  };
  beforeAll(() => {
    diagnostics.subscribe('http.server.request.start', onStart);
    diagnostics.subscribe('http.server.response.finish', onFinish);
  });
  afterAll(() => {
    diagnostics.unsubscribe('http.server.request.start', onStart);
    diagnostics.unsubscribe('http.server.response.finish', onFinish);
  });
  return counts;
}
