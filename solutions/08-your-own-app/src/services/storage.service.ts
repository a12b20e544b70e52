// File storage: the ImageKit client, and its callback upload and delete wrapped in Promises (lessons 05 and 07).
import ImageKit from 'imagekit';
import { env } from '../config/env.ts';

// The keys come from the environment: a key written here would be in every copy of the code.
const imagekit = new ImageKit(env.imagekit);

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
