// The SDK's management calls (deleteFile and friends) go to the fixed address
// https://api.imagekit.io/v1/…, which no option can change, through axios's
// default instance. While a local storage runs in this process, a request
// interceptor on that very instance sends them to the local server instead.
import { createRequire } from 'node:module';

/** The only requests ever rewritten: those for ImageKit's management API. */
export const IMAGEKIT_API = 'https://api.imagekit.io/';

/** The part of an axios request's settings the routing reads and changes. */
interface RequestSettings {
  url?: string;
  proxy?: unknown;
}

/** The part of axios's default instance the routing uses. */
export interface AxiosInterceptors {
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

/** Sends the SDK's requests for https://api.imagekit.io/ to `origin` until the returned function is called. */
export function routeImageKitApi(origin: string): () => void {
  const axios = sdkAxios();
  const route = { origin };
  routes.push(route);
  interceptorId ??= axios.interceptors.request.use(toNewestStorage);
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

function toNewestStorage(settings: RequestSettings): RequestSettings {
  const route = routes.at(-1);
  if (!route || typeof settings.url !== 'string' || !settings.url.startsWith(IMAGEKIT_API)) return settings;
  settings.url = `${route.origin}/${settings.url.slice(IMAGEKIT_API.length)}`;
  // An HTTP(S)_PROXY in the environment must not carry a request for 127.0.0.1 away.
  settings.proxy = false;
  return settings;
}
