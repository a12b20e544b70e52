// TODO: Write uploadFile() so callers can `await` an upload: return a new Promise that wraps the
//   SDK's callback form, imagekit.upload({ file: buffer, fileName }, (error, result) => { … }).
//   Success and failure both arrive in that callback. Then run `npm run lesson -- check 05`.
// Hinglish: uploadFile() aise likhiye ki caller upload ko `await` kar sake: ek new Promise return kijiye jo SDK
//   ke callback waale form ko wrap kare, imagekit.upload({ file: buffer, fileName }, (error, result) => { … }).
//   Success aur failure dono isi callback mein aate hain. Phir `npm run lesson -- check 05` chalaiye.
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
  // Replace this return with your Promise around imagekit.upload(…).
  return Promise.reject(
    new Error(
      `uploadFile() is not written yet, so ${fileName} (${buffer.length} bytes) was not uploaded ` +
        `(Hinglish: uploadFile() abhi likha nahi gaya hai, isliye ${fileName} (${buffer.length} bytes) upload nahi hui).`,
    ),
  );
}
