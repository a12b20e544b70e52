// Preloaded into an app the learner starts as a process of its own (lesson 08, an exported app):
//   node --import <this file> --import tsx server.ts
// When IMAGEKIT_UPLOAD_ENDPOINT names the playground's local storage (a loopback address), the
// app's ImageKit SDK sends deleteFile and its other management calls there too, as in the
// storage's own process (sdk-routing.mjs). With real ImageKit (no IMAGEKIT_UPLOAD_ENDPOINT, or a
// remote one) it does nothing. Plain JavaScript: it loads before tsx.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { routeImageKitApi, sdkAxios } from './sdk-routing.mjs';

const loopback = new Set(['127.0.0.1', 'localhost', '[::1]']);

function localStorageOrigin() {
  try {
    const endpoint = new URL(process.env.IMAGEKIT_UPLOAD_ENDPOINT ?? '');
    return loopback.has(endpoint.hostname) ? endpoint.origin : undefined;
  } catch {
    return undefined;
  }
}

/** axios as the app's imagekit requires it, found from the app's main file. */
function appSdkAxios() {
  const main = process.argv[1] ? path.resolve(process.argv[1]) : path.join(process.cwd(), 'index.js');
  try {
    return sdkAxios(pathToFileURL(main));
  } catch {
    return undefined; // an app without the SDK: nothing to route
  }
}

const origin = localStorageOrigin();
const axios = origin ? appSdkAxios() : undefined;
// For the app's whole life: the storage outlives it.
if (origin && axios) routeImageKitApi(origin, axios);
