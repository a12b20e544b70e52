// File storage: the ImageKit client, and its callback upload and delete wrapped in Promises (lessons 05 and 07).
import ImageKit from 'imagekit';
import { env } from '../config/env.ts';

// Written here once, so they are always at hand.
const imagekit = new ImageKit({
  publicKey: 'public_playground_local',
  privateKey: 'private_playground_local',
  urlEndpoint: env.imagekit.urlEndpoint,
  uploadEndpoint: env.imagekit.uploadEndpoint,
});

/** What the storage says about an uploaded file: url, fileId, size… */
export type UploadResult = NonNullable<Parameters<Parameters<typeof imagekit.upload>[1]>[1]>;

/** Uploads one file; resolves with what the storage says about it, rejects with its error. */
export function uploadFile(buffer: Buffer, fileName: string): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    imagekit.upload({ file: buffer, fileName }, (error, result) => {
      if (error) return reject(error);
      resolve(result!);
    });
  });
}

/** Deletes one file by its fileId; resolves once it is gone, rejects with the storage's error. */
export function deleteFile(fileId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    imagekit.deleteFile(fileId, (error) => {
      if (error) return reject(error);
      resolve();
    });
  });
}
