// The local ImageKit-compatible storage and an SDK pointed at it, for a test file.
import ImageKit from 'imagekit';
import { afterAll, beforeAll, vi } from 'vitest';
import { startStorage, type PlaygroundStorage } from '../../src/start-storage.ts';

interface LocalStorage {
  readonly storage: PlaygroundStorage;
  readonly imagekit: ImageKit;
}

/** Starts the local storage (quiet, never real ImageKit) and an ImageKit SDK on it for this file, stopped at the end. */
export function useLocalStorage(options: Parameters<typeof startStorage>[0] = {}): LocalStorage {
  let storage: PlaygroundStorage | undefined;
  let imagekit: ImageKit | undefined;

  beforeAll(async () => {
    // Keys in the shell would select the real ImageKit; these tests are offline.
    vi.stubEnv('IMAGEKIT_PUBLIC_KEY', '');
    storage = await startStorage({ quiet: true, ...options });
    imagekit = new ImageKit(storage.options);
  });
  afterAll(async () => {
    await storage?.stop();
    vi.unstubAllEnvs();
  });

  return {
    get storage() {
      return ready(storage, 'storage');
    },
    get imagekit() {
      return ready(imagekit, 'imagekit');
    },
  };
}

// Module-level code runs before beforeAll, so reading a getter there would see nothing yet.
function ready<T>(value: T | undefined, name: string): T {
  if (value === undefined) {
    throw new Error(
      `useLocalStorage: \`${name}\` is not ready yet; read it inside a test or hook, not at module level.`,
    );
  }
  return value;
}
