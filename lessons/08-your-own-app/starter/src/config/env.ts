// TODO: Read every setting from the environment, once, and export them: export const env = { port, mongodbUri, imagekit: {…} }.
//   - PORT (3000 when it is not set), MONGODB_URI, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY, IMAGEKIT_URL_ENDPOINT,
//     and IMAGEKIT_UPLOAD_ENDPOINT (only the playground's local storage sets it; leave it undefined when empty)
//   - when a required one is missing, stop with ONE sentence naming it: console.error(…), then process.exit(1)
// No value is ever written in this file: they live in .env (see .env.example).
