// The unmodified SDK's deleteFile reaches the local storage, which answers the
// way ImageKit's delete API does: 204 and the file gone, or `{message, help}`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ImageKit from 'imagekit';
import { describe, expect, it } from 'vitest';
import { useLocalStorage } from './support/local-storage.ts';

const HELP = 'For support kindly contact us at support@imagekit.io .';
const local = useLocalStorage();

/** Where the local storage keeps an uploaded file on disk. */
function onDisk(filePath: string): string {
  return join(local.storage.folder!, 'files', ...filePath.split('/'));
}

async function upload(fileName = 'song.mp3', extra: Record<string, unknown> = {}) {
  return local.imagekit.upload({ file: Buffer.from('ID3 a short song'), fileName, ...extra });
}

/** deleteFile in its callback form, as `[error, result]`. */
function deleteWithCallback(imagekit: ImageKit, fileId: string): Promise<[any, any]> {
  return new Promise((resolve) => imagekit.deleteFile(fileId, (error, result) => resolve([error, result])));
}

describe('deleteFile(fileId) with a promise', () => {
  it('resolves with an empty result and status 204', async () => {
    const { fileId } = await upload();
    const result = await local.imagekit.deleteFile(fileId);
    expect(result).toEqual({});
    expect((result as any).$ResponseMetadata.statusCode).toBe(204);
  });

  it('removes the file from disk, and its URL answers 404 afterwards', async () => {
    const { fileId, filePath, url } = await upload('cover.txt', { folder: 'albums/first' });
    expect(existsSync(onDisk(filePath))).toBe(true);
    expect((await fetch(url)).status).toBe(200);
    await local.imagekit.deleteFile(fileId);
    expect(existsSync(onDisk(filePath))).toBe(false);
    const after = await fetch(url);
    expect(after.status).toBe(404);
    expect(((await after.json()) as { message: string }).message).toBe('The requested file does not exist.');
  });

  it('works from code that builds its ImageKit from the environment, as a learner would', async () => {
    const env = local.storage.env;
    const learners = new ImageKit({
      publicKey: env.IMAGEKIT_PUBLIC_KEY,
      privateKey: env.IMAGEKIT_PRIVATE_KEY,
      urlEndpoint: env.IMAGEKIT_URL_ENDPOINT,
      uploadEndpoint: env.IMAGEKIT_UPLOAD_ENDPOINT,
    });
    const { fileId, filePath } = await learners.upload({ file: Buffer.from('x'), fileName: 'mine.txt' });
    await learners.deleteFile(fileId);
    expect(existsSync(onDisk(filePath))).toBe(false);
  });
});

describe('deleteFile(fileId, callback)', () => {
  it('calls back with (null, result) and status 204', async () => {
    const { fileId, filePath } = await upload();
    const [error, result] = await deleteWithCallback(local.imagekit, fileId);
    expect(error).toBeNull();
    expect(result.$ResponseMetadata.statusCode).toBe(204);
    expect(existsSync(onDisk(filePath))).toBe(false);
  });

  it("calls back with ImageKit's 404 error for a fileId nobody uploaded", async () => {
    const [error, result] = await deleteWithCallback(local.imagekit, '0123456789abcdef01234567');
    expect(result).toBeNull();
    expect(error).toEqual({ message: 'The requested file does not exist.', help: HELP });
    expect(error.$ResponseMetadata.statusCode).toBe(404);
  });
});

describe('deleteFile refused', () => {
  it("rejects with ImageKit's 404 error for an unknown fileId", async () => {
    const error: any = await local.imagekit.deleteFile('no-such-file').catch((reason: unknown) => reason);
    expect(error).toEqual({ message: 'The requested file does not exist.', help: HELP });
    expect(error.$ResponseMetadata.statusCode).toBe(404);
    expect(error.$ResponseMetadata.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it('answers 404 the second time the same file is deleted', async () => {
    const { fileId } = await upload();
    await local.imagekit.deleteFile(fileId);
    const again: any = await local.imagekit.deleteFile(fileId).catch((reason: unknown) => reason);
    expect(again.$ResponseMetadata.statusCode).toBe(404);
  });

  it('answers 403 for a wrong private key and keeps the file', async () => {
    const { fileId, filePath } = await upload();
    const wrong = new ImageKit({ ...local.storage.options, privateKey: 'private_not_the_right_one' });
    const error: any = await wrong.deleteFile(fileId).catch((reason: unknown) => reason);
    expect(error).toEqual({ message: 'Your account cannot be authenticated.', help: HELP });
    expect(error.$ResponseMetadata.statusCode).toBe(403);
    expect(existsSync(onDisk(filePath))).toBe(true);
  });

  it('answers 401 to a request with no private key at all', async () => {
    const { fileId, filePath } = await upload();
    const origin = new URL(local.storage.options.uploadEndpoint!).origin;
    const res = await fetch(`${origin}/v1/files/${fileId}`, { method: 'DELETE' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Your request does not contain private API key.', help: HELP });
    expect(existsSync(onDisk(filePath))).toBe(true);
  });
});

describe('deleteFile after an overwrite', () => {
  it('no longer knows the old fileId, so deleting by it cannot remove the newer file', async () => {
    const first = await upload('same.txt', { useUniqueFileName: false });
    const second = await upload('same.txt', { useUniqueFileName: false });
    expect(second.filePath).toBe(first.filePath);
    const error: any = await local.imagekit.deleteFile(first.fileId).catch((reason: unknown) => reason);
    expect(error.$ResponseMetadata.statusCode).toBe(404);
    expect(existsSync(onDisk(second.filePath))).toBe(true);
    await local.imagekit.deleteFile(second.fileId);
    expect(existsSync(onDisk(second.filePath))).toBe(false);
  });
});

describe('management calls the local storage does not offer', () => {
  it('answer 501 with a message naming the one it does', async () => {
    const { fileId } = await upload();
    const error: any = await local.imagekit.getFileDetails(fileId).catch((reason: unknown) => reason);
    expect(error.$ResponseMetadata.statusCode).toBe(501);
    expect(error.message).toContain('deleteFile (DELETE /v1/files/:fileId)');
  });
});
