// uploadFile(): the SDK callback wrapped in a Promise. (A known mistake: see below.)
import ImageKit from 'imagekit';

// The storage client, made once from the settings in the environment.
const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});

/** What the storage says about an uploaded file: url, fileId, size… */
// The SDK has no public name for this type, so we read it off imagekit.upload: its callback's `result`.
export type UploadResult = NonNullable<Parameters<Parameters<typeof imagekit.upload>[1]>[1]>;

// Mistake: whatever comes back, error or result, goes to resolve(),
// so a failed upload looks like a success to the caller.
export function uploadFile(buffer: Buffer, fileName: string): Promise<UploadResult> {
  return new Promise((resolve) => {
    imagekit.upload({ file: buffer, fileName }, (error, result) => {
      resolve(error || result);
    });
  });
}
