// Types of sdk-routing.mjs, for the TypeScript that imports it.

/** The part of an axios request's settings the routing reads and changes. */
export interface RequestSettings {
  url?: string;
  proxy?: unknown;
}

/** The part of axios's default instance the routing uses. */
export interface SdkAxios {
  interceptors: {
    request: {
      use(onFulfilled: (settings: RequestSettings) => RequestSettings): number;
      eject(id: number): void;
    };
  };
}

/** The axios default instance the ImageKit SDK sends its requests through, for the `imagekit` that `fromFile` would import. */
export function sdkAxios(fromFile?: string | URL): SdkAxios;

/** Sends `axios`'s requests for https://api.imagekit.io/ to `origin`, never through a proxy, until the returned function is called. */
export function routeImageKitApi(origin: string, axios?: SdkAxios): () => void;
