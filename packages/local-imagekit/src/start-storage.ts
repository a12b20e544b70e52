// The playground's storage: the learner's real ImageKit account when its keys
// are in the environment, otherwise a local server the unmodified SDK can talk
// to offline.
import { type ImageKitOptions, startLocalStorage } from './local-storage.ts';
import type { StorageFaults } from './upload-faults.ts';

export type { ImageKitOptions } from './local-storage.ts';
export type { StorageFaults, UploadFault } from './upload-faults.ts';

/** The free plan's upload limit (25 MB, counted as MiB): bigger uploads get a 413. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;

/** The storage a lesson's app uploads to. */
export interface PlaygroundStorage {
  kind: 'imagekit' | 'local';
  options: ImageKitOptions;
  /** Env vars a learner's code reads: IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY, IMAGEKIT_URL_ENDPOINT, IMAGEKIT_UPLOAD_ENDPOINT (local only). */
  env: Record<string, string>;
  /** One line saying which storage this is, for the learner. */
  description: string;
  /** Where a local storage keeps its files (removed by stop); undefined for real ImageKit. */
  folder?: string;
  /** For kind 'imagekit' every method throws: a real account cannot be made to fail on purpose. */
  faults: StorageFaults;
  stop(): Promise<void>;
}

/**
 * Starts the playground storage: real ImageKit if IMAGEKIT_* keys are set, else a local server.
 * While a local server runs, the SDK's deleteFile anywhere in this process reaches it (see sdk-routing.mjs).
 */
export async function startStorage(
  options: { port?: number; quiet?: boolean; maxFileBytes?: number } = {},
): Promise<PlaygroundStorage> {
  const real = realImageKit(process.env);
  if (real) {
    if (!options.quiet) console.log(real.description);
    return real;
  }
  const local = await startLocalStorage(options.port ?? 0, options.maxFileBytes ?? MAX_UPLOAD_BYTES);
  const description = `Local ImageKit-compatible storage at ${local.options.urlEndpoint} (files in ${local.folder}, removed when it stops).`;
  if (!options.quiet) console.log(description);
  return {
    kind: 'local',
    options: local.options,
    env: envFor(local.options),
    description,
    folder: local.folder,
    faults: local.faults,
    stop: local.stop,
  };
}

function realImageKit(env: NodeJS.ProcessEnv): PlaygroundStorage | undefined {
  const { IMAGEKIT_PUBLIC_KEY: publicKey, IMAGEKIT_PRIVATE_KEY: privateKey, IMAGEKIT_URL_ENDPOINT: urlEndpoint } = env;
  if (!publicKey || !privateKey || !urlEndpoint) return undefined;
  const options: ImageKitOptions = { publicKey, privateKey, urlEndpoint };
  // Kept only if the learner set it themselves; otherwise the SDK's default applies.
  if (env.IMAGEKIT_UPLOAD_ENDPOINT) options.uploadEndpoint = env.IMAGEKIT_UPLOAD_ENDPOINT;
  const refuse = (): never => {
    throw new Error('Faults only work with the local storage: unset the IMAGEKIT_* variables to use it.');
  };
  return {
    kind: 'imagekit',
    options,
    env: envFor(options),
    description: `Using your ImageKit account (${urlEndpoint}), because IMAGEKIT_PUBLIC_KEY, IMAGEKIT_PRIVATE_KEY and IMAGEKIT_URL_ENDPOINT are set.`,
    faults: { setLatency: refuse, failNext: refuse, refuseAll: refuse, reset: refuse },
    stop: async () => undefined,
  };
}

// The variables learners' code reads, the same for both storages; no upload endpoint means the SDK's default.
function envFor(options: ImageKitOptions): Record<string, string> {
  const env: Record<string, string> = {
    IMAGEKIT_PUBLIC_KEY: options.publicKey,
    IMAGEKIT_PRIVATE_KEY: options.privateKey,
    IMAGEKIT_URL_ENDPOINT: options.urlEndpoint,
  };
  if (options.uploadEndpoint) env.IMAGEKIT_UPLOAD_ENDPOINT = options.uploadEndpoint;
  return env;
}
