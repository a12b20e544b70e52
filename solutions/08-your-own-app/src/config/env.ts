// Every setting the app needs, read once from the environment (filled from .env by `npm start`).
// Secrets live there, never in the code: the same code then runs on your laptop, on the
// playground's offline services and on MongoDB Atlas with ImageKit, with another .env each.

const names = ['MONGODB_URI', 'IMAGEKIT_PUBLIC_KEY', 'IMAGEKIT_PRIVATE_KEY', 'IMAGEKIT_URL_ENDPOINT'] as const;

const missing = names.filter((name) => !process.env[name]);
if (missing.length > 0) {
  // One sentence, then stop: a missing setting found now is better than an `undefined` deep inside a library later.
  console.error(`Missing in the environment: ${missing.join(', ')}. Copy .env.example to .env and fill it in.`);
  process.exit(1);
}

export const env = {
  port: Number(process.env.PORT) || 3000,
  mongodbUri: process.env.MONGODB_URI!,
  imagekit: {
    publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
    privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
    urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
    // Only the playground sets this (its local storage); with real ImageKit the SDK's own address is used.
    uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT || undefined,
  },
};
