// uploadFile(): the SDK callback wrapped in a Promise. (A known mistake: see below.)
import ImageKit from 'imagekit';
import type { UploadResponse } from 'imagekit/dist/libs/interfaces/index.js';

// The storage client, made once from the settings in the environment.
const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});

// Mistake: whatever comes back, error or result, goes to resolve(),
// so a failed upload looks like a success to the caller.
export function uploadFile(buffer: Buffer, fileName: string): Promise<UploadResponse> {
  return new Promise<any>((resolve) => {
    imagekit.upload({ file: buffer, fileName }, (error, result) => {
      resolve(error || result);
    });
  });
}
