// TODO: Write uploadFile() so callers can `await` an upload: return a new Promise that wraps the
//   SDK's callback form, imagekit.upload({ file: buffer, fileName }, (error, result) => { … }).
//   Success and failure both arrive in that callback. Then run `npm run lesson -- check 05`.
import ImageKit from 'imagekit';
import type { UploadResponse } from 'imagekit/dist/libs/interfaces/index.js';

// The storage client, made once from the settings in the environment.
const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});

/** Uploads one file; resolves with what the storage says about it (url, fileId, size…), rejects with its error. */
export function uploadFile(buffer: Buffer, fileName: string): Promise<UploadResponse> {
  // Replace this return with your Promise around imagekit.upload(…).
  return Promise.reject(
    new Error(`uploadFile() is not written yet, so ${fileName} (${buffer.length} bytes) was not uploaded.`),
  );
}
