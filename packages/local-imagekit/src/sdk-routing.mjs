// The ImageKit SDK sends deleteFile and its other management calls to the fixed address
// https://api.imagekit.io/, which no option changes, through axios's default instance. While a
// local storage is routed to, a request interceptor on that very instance sends them to it
// instead, and keeps every request for a local storage away from an HTTP(S)_PROXY. The storage's
// own process (local-storage.ts) and a learner's app (sdk-routing-preload.mjs) both route through
// here; plain JavaScript, because the preload loads before any TypeScript loader.
import { createRequire } from 'node:module';

/** The only requests ever rewritten: those for ImageKit's management API. */
const IMAGEKIT_API = 'https://api.imagekit.io/';

/**
 * The axios default instance the ImageKit SDK sends its requests through, for the `imagekit`
 * that `fromFile` would import.
 * @param {string | URL} [fromFile]
 */
export function sdkAxios(fromFile = import.meta.url) {
  // Required from the SDK's own folder, the way its `require('axios')` does. An ESM
  // `import axios from 'axios'` would load axios's ESM build instead: a second copy whose
  // interceptors the SDK never consults.
  const fromSdk = createRequire(createRequire(fromFile).resolve('imagekit'));
  return fromSdk('axios');
}

// Keyed by the axios instance, which is itself one per process: its local storages, newest last
// (the newest gets the requests), and its one routing interceptor. Objects, not origins, so two
// storages on one origin are told apart.
/** @type {WeakMap<object, { routes: { origin: string }[], interceptorId: number }>} */
const routings = new WeakMap();

/**
 * Sends `axios`'s requests for https://api.imagekit.io/ to `origin`, never through a proxy, until
 * the returned function is called.
 * @param {string} origin
 * @param {import('./sdk-routing.d.mts').SdkAxios} [axios]
 */
export function routeImageKitApi(origin, axios = sdkAxios()) {
  let routing = routings.get(axios);
  if (!routing) {
    /** @type {{ origin: string }[]} */
    const routes = [];
    const interceptorId = axios.interceptors.request.use((settings) => toLocalStorage(settings, routes));
    routing = { routes, interceptorId };
    routings.set(axios, routing);
  }
  const route = { origin };
  const { routes, interceptorId } = routing;
  routes.push(route);
  return () => {
    const at = routes.indexOf(route);
    if (at >= 0) routes.splice(at, 1);
    // With no local storage left, nothing of the routing stays in axios.
    if (routes.length === 0 && routings.get(axios)?.interceptorId === interceptorId) {
      axios.interceptors.request.eject(interceptorId);
      routings.delete(axios);
    }
  };
}

/**
 * @param {{ url?: string, proxy?: unknown }} settings
 * @param {{ origin: string }[]} routes
 */
function toLocalStorage(settings, routes) {
  const { url } = settings;
  const newest = routes.at(-1);
  if (!newest || typeof url !== 'string') return settings;
  if (url.startsWith(IMAGEKIT_API)) settings.url = `${newest.origin}/${url.slice(IMAGEKIT_API.length)}`;
  // axios obeys HTTP_PROXY even for 127.0.0.1, and a company proxy cannot reach the learner's own
  // computer: without this, uploads and deletes fail behind one unless NO_PROXY lists 127.0.0.1.
  if (routes.some((route) => settings.url.startsWith(`${route.origin}/`))) settings.proxy = false;
  return settings;
}
