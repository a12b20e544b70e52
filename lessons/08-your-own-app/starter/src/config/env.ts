// TODO: Read every setting from the environment, once, and export them: export const env = { port, mongodbUri, imagekit: {…} }.
//   - PORT (3000 when it is not set), MONGODB_URI, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY, IMAGEKIT_URL_ENDPOINT,
//     and IMAGEKIT_UPLOAD_ENDPOINT (only the playground's local storage sets it; leave it undefined when empty)
//   - when a required one is missing, stop with ONE sentence naming it: console.error(…), then process.exit(1)
// No value is ever written in this file: they live in .env (see .env.example).
// Hinglish: Har setting environment se padhiye, sirf ek baar, aur unhe export kijiye:
//   export const env = { port, mongodbUri, imagekit: {…} }.
//   - PORT (set na ho toh 3000), MONGODB_URI, IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY, IMAGEKIT_URL_ENDPOINT,
//     aur IMAGEKIT_UPLOAD_ENDPOINT (isko sirf playground ka local storage set karta hai; khaali ho toh
//     undefined rehne dijiye)
//   - koi required setting missing ho toh EK sentence mein uska naam batakar ruk jaaiye: console.error(…),
//     phir process.exit(1)
// Is file mein koi value kabhi nahi likhi jaati: values .env mein rehti hain (.env.example dekhiye).
