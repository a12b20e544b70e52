// deleteFile(): the SDK's callback delete, wrapped in a Promise, like uploadFile() in lesson 05.
import ImageKit from 'imagekit';

// The storage client, made once from the settings in the environment.
const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});

/** Deletes one file from storage by its fileId; resolves once it is gone, rejects with the storage's error. */
export function deleteFile(fileId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // The SDK calls this once, when the storage has answered. A delete has no result worth keeping.
    imagekit.deleteFile(fileId, (error) => {
      if (error) return reject(error);
      resolve();
    });
  });
}
