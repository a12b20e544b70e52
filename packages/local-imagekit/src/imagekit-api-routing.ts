// The SDK's management calls (deleteFile and friends) go to the fixed address
// https://api.imagekit.io/v1/…, which no option can change, through axios's
// default instance. While a local storage runs in this process, a request
// interceptor on that very instance sends them to the local server instead,
// and keeps every request for a local server away from an HTTP(S)_PROXY.
import { createRequire } from 'node:module';

/** The only requests ever rewritten: those for ImageKit's management API. */
const IMAGEKIT_API = 'https://api.imagekit.io/';

/** The part of an axios request's settings the routing reads and changes. */
interface RequestSettings {
  url?: string;
  proxy?: unknown;
}

/** The part of axios's default instance the routing uses. */
interface AxiosInterceptors {
  interceptors: {
    request: {
      use(onFulfilled: (settings: RequestSettings) => RequestSettings): number;
      eject(id: number): void;
    };
  };
}

/** The axios default instance the ImageKit SDK sends its requests through. */
export function sdkAxios(): AxiosInterceptors {
  // Resolved from the SDK's own folder, the way its `require('axios')` does. An
  // ESM `import axios from 'axios'` would load axios's ESM build instead: a
  // second copy whose interceptors the SDK never consults.
  const fromHere = createRequire(import.meta.url);
  const fromSdk = createRequire(fromHere.resolve('imagekit'));
  return fromSdk('axios') as AxiosInterceptors;
}

// Every running local storage, newest last; the newest one gets the requests.
// Objects, not origins, so two storages on one origin are told apart.
const routes: { origin: string }[] = [];
let interceptorId: number | undefined;

/** Sends the SDK's requests for https://api.imagekit.io/ to `origin`, never through a proxy, until the returned function is called. */
export function routeImageKitApi(origin: string): () => void {
  const axios = sdkAxios();
  const route = { origin };
  routes.push(route);
  interceptorId ??= axios.interceptors.request.use(toLocalStorage);
  return () => {
    const at = routes.indexOf(route);
    if (at >= 0) routes.splice(at, 1);
    // With no local storage left, nothing of the routing stays in axios.
    if (routes.length === 0 && interceptorId !== undefined) {
      axios.interceptors.request.eject(interceptorId);
      interceptorId = undefined;
    }
  };
}

function toLocalStorage(settings: RequestSettings): RequestSettings {
  const { url } = settings;
  const newest = routes.at(-1);
  if (!newest || typeof url !== 'string') return settings;
  if (url.startsWith(IMAGEKIT_API)) settings.url = `${newest.origin}/${url.slice(IMAGEKIT_API.length)}`;
  // axios obeys HTTP_PROXY even for 127.0.0.1, and a company proxy cannot reach the learner's own
  // computer: without this, uploads and deletes fail behind one unless NO_PROXY lists 127.0.0.1.
  if (routes.some((route) => settings.url!.startsWith(`${route.origin}/`))) settings.proxy = false;
  return settings;
}
