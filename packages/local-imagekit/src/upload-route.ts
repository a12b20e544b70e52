// POST /api/v1/files/upload, answered the way ImageKit answers it: same
// authentication, same field rules, same JSON on success and on failure.
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FileIds } from './file-ids.ts';
import { imageSize } from './image-size.ts';
import { sendImageKitError, sendJson, UploadError } from './imagekit-errors.ts';
import { readUploadForm, type StreamedFile } from './multipart-upload.ts';
import {
  folderFits,
  folderSegments,
  incomingPath,
  nameFits,
  publicPath,
  resolveInside,
  sanitiseFileName,
  withUniqueSuffix,
} from './file-names.ts';
import { refuseKey, WRONG_KEY } from './private-key.ts';
import { decodeStringFile } from './string-file.ts';
import type { UploadFaults } from './upload-faults.ts';

/** Where the upload route keeps files and how it checks requests. */
export interface UploadContext {
  privateKey: string;
  urlEndpoint: string;
  /** Served files live here. */
  filesDir: string;
  /** Uploads in progress live here, so a half-written file is never served. */
  incomingDir: string;
  maxFileBytes: number;
  /** Each stored file's fileId, so a delete can find it. */
  fileIds: FileIds;
  faults: UploadFaults;
  /** Aborted when the storage stops, to cut injected latency short. */
  stopping: AbortSignal;
}

/** Handles one upload request from start to answer; never throws. */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, ctx: UploadContext): Promise<void> {
  const early = earlyAnswer(req, ctx);
  if (early) {
    // Read the body first: answering mid-body can reset the connection before
    // the client reads the answer.
    await drained(req);
    await pause(ctx);
    return sendImageKitError(res, early.status, early.message, early.headers);
  }
  let answer: Record<string, unknown>;
  try {
    answer = await storeUpload(req, ctx);
  } catch (error) {
    if (req.destroyed && !req.complete) return; // the client hung up: nobody to answer
    await drained(req);
    await pause(ctx);
    const known = error instanceof UploadError;
    const message = known ? error.message : `The upload could not be saved: ${(error as Error).message}`;
    return sendImageKitError(res, known ? error.status : 500, message);
  }
  await pause(ctx);
  sendJson(res, 200, answer);
}

/** An answer decided before the body is read. */
interface EarlyAnswer {
  status: number;
  message: string;
  headers?: Record<string, string | number>;
}

function earlyAnswer(req: IncomingMessage, ctx: UploadContext): EarlyAnswer | undefined {
  const refused = refuseKey(req, ctx.privateKey);
  if (refused) return refused;
  const verdict = ctx.faults.verdictForNextUpload();
  if (verdict.kind === 'refuse') return { status: 403, message: WRONG_KEY };
  if (verdict.kind === 'fail') {
    const { status, message } = verdict.fault;
    // The SDK copies these headers onto a 429 error, as ImageKit sends them.
    const headers: Record<string, number> =
      status === 429 ? { 'X-RateLimit-Limit': 100, 'X-RateLimit-Reset': 1000, 'X-RateLimit-Interval': 1000 } : {};
    return { status, message, headers };
  }
  return undefined;
}

async function storeUpload(req: IncomingMessage, ctx: UploadContext): Promise<Record<string, unknown>> {
  const form = await readUploadForm(req, ctx.incomingDir, ctx.maxFileBytes);
  try {
    return await placeFile(form.fields, form.file, ctx);
  } finally {
    // After a successful rename this finds nothing; after a refusal it removes the upload.
    if (form.file) await rm(form.file.tempPath, { force: true });
  }
}

async function placeFile(fields: Map<string, string>, streamed: StreamedFile | undefined, ctx: UploadContext) {
  const text = fields.get('file');
  if (!streamed && !text) throw new UploadError(400, 'Missing file parameter for upload');
  const fileName = fields.get('fileName');
  if (!fileName) throw new UploadError(400, 'Missing fileName parameter for upload');
  const tags = parseTags(fields.get('tags'));

  const cleanName = sanitiseFileName(fileName);
  if (!nameFits(cleanName)) throw new UploadError(400, 'The fileName is too long.');
  const unique = fields.get('useUniqueFileName')?.toLowerCase() !== 'false';
  const name = unique ? withUniqueSuffix(cleanName) : cleanName;
  const segments = folderSegments(fields.get('folder') ?? '/');
  if (!folderFits(segments))
    throw new UploadError(400, 'The folder is too long: each folder name 255 bytes at most, the whole path 1,024.');
  const target = resolveInside(ctx.filesDir, [...segments, name]);
  if (!target) throw new UploadError(400, 'The folder or fileName is not allowed.');

  const bytes = streamed ? undefined : decodeStringFile(text!, ctx.maxFileBytes);
  const tempPath = streamed?.tempPath ?? incomingPath(ctx.incomingDir);
  try {
    if (bytes) await writeFile(tempPath, bytes);
    await mkdir(dirname(target), { recursive: true });
    await rename(tempPath, target);
  } catch (error) {
    await rm(tempPath, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR' || code === 'EISDIR' || code === 'EEXIST' || code === 'ENOTEMPTY') {
      throw new UploadError(400, 'A file and a folder would have the same path; choose another folder or fileName.');
    }
    throw error;
  }
  // ImageKit's fileIds look like 24 hex digits.
  const fileId = randomBytes(12).toString('hex');
  ctx.fileIds.remember(fileId, target);
  const size = streamed?.size ?? bytes!.length;
  const head = streamed?.head ?? bytes!;
  return uploadAnswer({
    fileId,
    name,
    size,
    head,
    filePath: publicPath(segments, name),
    tags,
    fields,
    urlEndpoint: ctx.urlEndpoint,
  });
}

function uploadAnswer(file: {
  fileId: string;
  name: string;
  size: number;
  head: Buffer;
  filePath: string;
  tags: string[] | null;
  fields: Map<string, string>;
  urlEndpoint: string;
}): Record<string, unknown> {
  const { fileId } = file;
  const endpoint = file.urlEndpoint.replace(/\/+$/, '');
  const dimensions = imageSize(file.head);
  const body: Record<string, unknown> = {
    fileId,
    name: file.name,
    size: file.size,
    // The first version shares the file's id.
    versionInfo: { id: fileId, name: 'Version 1' },
    filePath: file.filePath,
    url: endpoint + file.filePath,
    fileType: dimensions ? 'image' : 'non-image',
  };
  if (dimensions) {
    body.height = dimensions.height;
    body.width = dimensions.width;
    body.thumbnailUrl = `${endpoint}/tr:n-ik_ml_thumbnail${file.filePath}`;
  }
  body.AITags = null;
  // Some fields are only in the answer when `responseFields` asks for them.
  const asked = new Set((file.fields.get('responseFields') ?? '').split(',').map((field) => field.trim()));
  if (asked.has('tags')) body.tags = file.tags;
  if (asked.has('isPrivateFile')) body.isPrivateFile = file.fields.get('isPrivateFile') === 'true';
  if (asked.has('customCoordinates')) body.customCoordinates = file.fields.get('customCoordinates') ?? null;
  if (asked.has('customMetadata')) body.customMetadata = parseJsonObject(file.fields.get('customMetadata'));
  return body;
}

function parseTags(raw: string | undefined): string[] | null {
  if (raw === undefined || raw === '') return null;
  if (raw.length > 500 || raw.includes('%')) {
    throw new UploadError(400, 'Tags must be at most 500 characters in total and cannot contain %.');
  }
  return raw
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

function parseJsonObject(raw: string | undefined): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// The injected latency, cut short when the storage stops.
async function pause(ctx: UploadContext): Promise<void> {
  if (ctx.faults.latencyMs === 0) return;
  await sleep(ctx.faults.latencyMs, undefined, { signal: ctx.stopping }).catch(() => undefined);
}

function drained(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve();
  return new Promise((done) => {
    req.once('end', done);
    req.once('close', done);
    req.on('error', () => undefined);
    req.resume();
  });
}
