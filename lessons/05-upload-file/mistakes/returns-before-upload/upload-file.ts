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

// Mistake: no Promise. The callback runs later, so `uploaded` is still undefined when it is returned.
export function uploadFile(buffer: Buffer, fileName: string) {
  let uploaded: UploadResult | undefined;
  imagekit.upload({ file: buffer, fileName }, (_error, result) => {
    if (result) uploaded = result;
  });
  return uploaded;
}
