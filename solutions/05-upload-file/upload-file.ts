// uploadFile(): the SDK's callback, wrapped in a Promise, so callers can simply `await` it.
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

/** Uploads one file; resolves with what the storage says about it (url, fileId, size…), rejects with its error. */
export function uploadFile(buffer: Buffer, fileName: string): Promise<UploadResult> {
  // The promise is handed back at once, still pending: "I will tell you when the upload is done."
  return new Promise((resolve, reject) => {
    // The SDK calls this function once, later, when the storage has answered.
    imagekit.upload({ file: buffer, fileName }, (error, result) => {
      // Error first: `return` so we never go on to resolve after rejecting.
      if (error) return reject(error);
      // No error means the SDK gave us the result (the `!` tells TypeScript so).
      resolve(result!);
    });
  });
}
