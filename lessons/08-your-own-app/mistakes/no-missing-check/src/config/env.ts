// Every setting the app needs, read once from the environment (filled from .env by `npm start`).
// Secrets live there, never in the code: the same code then runs on your laptop, on the
// playground's offline services and on MongoDB Atlas with ImageKit, with another .env each.

export const env = {
  port: Number(process.env.PORT) || 3000,
  mongodbUri: process.env.MONGODB_URI!,
  imagekit: {
    publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
    privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
    urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
    uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT || undefined,
  },
};
