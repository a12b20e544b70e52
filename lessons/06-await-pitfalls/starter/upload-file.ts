// Given: uploadFile() from lesson 05. You do not need to edit this file.
// One addition: a failure becomes an UploadFailed error, so sendSongError() can tell
// "the storage failed" (502) apart from "the song is not valid" (400).
import ImageKit from 'imagekit';
import type { UploadResponse } from 'imagekit/dist/libs/interfaces/index.js';

// The storage client, made once from the settings in the environment.
const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});

/** The storage did not take the file; the message is the storage's own. */
export class UploadFailed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UploadFailed';
  }
}

/** Uploads one file into the songs folder; resolves with what the storage says about it (url, fileId, size…). */
export function uploadFile(buffer: Buffer, fileName: string): Promise<UploadResponse> {
  // The promise is handed back at once, still pending: "I will tell you when the upload is done."
  return new Promise((resolve, reject) => {
    imagekit.upload({ file: buffer, fileName, folder: '/songs' }, (error, result) => {
      // The SDK's error is a plain object ({ message, help }): wrap its message in a real Error.
      if (error) return reject(new UploadFailed(error.message));
      resolve(result!);
    });
  });
}
