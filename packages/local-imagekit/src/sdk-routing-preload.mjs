// Preloaded into an app the learner starts as a process of its own (lesson 08, an exported app):
//   node --import <this file> --import tsx server.ts
// The ImageKit SDK sends deleteFile and its other management calls to the fixed address
// https://api.imagekit.io/, which no option changes. When IMAGEKIT_UPLOAD_ENDPOINT names the
// playground's local storage (a loopback address), this sends those calls there too, as
// imagekit-api-routing.ts does inside the playground's own processes. With real ImageKit
// (no IMAGEKIT_UPLOAD_ENDPOINT, or a remote one) it does nothing. Plain JavaScript: it loads before tsx.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const IMAGEKIT_API = 'https://api.imagekit.io/';
const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

function localStorageOrigin() {
  try {
    const endpoint = new URL(process.env.IMAGEKIT_UPLOAD_ENDPOINT ?? '');
    return loopback.has(endpoint.hostname) ? endpoint.origin : undefined;
  } catch {
    return undefined;
  }
}

/** axios as the app's imagekit requires it: resolved from the app's main file, then from the SDK's folder. */
function appSdkAxios() {
  const main = process.argv[1] ? path.resolve(process.argv[1]) : path.join(process.cwd(), 'index.js');
  try {
    const fromApp = createRequire(pathToFileURL(main));
    return createRequire(fromApp.resolve('imagekit'))('axios');
  } catch {
    return undefined; // an app without the SDK: nothing to route
  }
}

const origin = localStorageOrigin();
const axios = origin ? appSdkAxios() : undefined;
axios?.interceptors.request.use((settings) => {
  if (typeof settings.url === 'string' && settings.url.startsWith(IMAGEKIT_API)) {
    settings.url = `${origin}/${settings.url.slice(IMAGEKIT_API.length)}`;
    // A company proxy cannot reach this computer's loopback address.
    settings.proxy = false;
  }
  return settings;
});
