// A learner's app in miniature, run as a process of its own with the SDK routing preloaded:
// it uploads one file with the SDK from its environment's settings, deletes it, and says so.
import ImageKit from 'imagekit';

const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});
const { fileId } = await imagekit.upload({ file: Buffer.from('a song'), fileName: 'song.mp3' });
await imagekit.deleteFile(fileId);
console.log(`deleted ${fileId}`);
