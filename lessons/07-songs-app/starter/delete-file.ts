// TODO: Write deleteFile() so callers can `await` a delete, the way you wrote uploadFile() in lesson 05:
//   return a new Promise that wraps the SDK's callback form, imagekit.deleteFile(fileId, (error) => { … }).
//   Reject with the error when there is one; otherwise resolve(). Then run `npm run lesson -- check 07`.
// Hinglish: deleteFile() aise likhiye ki caller delete ko `await` kar sake, jaise aapne lesson 05 mein
//   uploadFile() likha tha: ek new Promise return kijiye jo SDK ke callback waale form ko wrap kare,
//   imagekit.deleteFile(fileId, (error) => { … }). Error aaye toh usi error ke saath reject kijiye; warna
//   resolve(). Phir `npm run lesson -- check 07` chalaiye.
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
  // Replace this return with your Promise around imagekit.deleteFile(…).
  return Promise.reject(
    new Error(
      `deleteFile() is not written yet, so the file ${fileId} is still in storage ` +
        `(Hinglish: deleteFile() abhi likha nahi gaya hai, isliye file ${fileId} abhi bhi storage mein hai).`,
    ),
  );
}
