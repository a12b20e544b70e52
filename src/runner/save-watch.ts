// The learner's saves in a lesson's folder, as something to wait for: the running app restarts
// at the next one. Noticing them is src/check/file-watch.ts's job; this keeps the saves that
// come while nobody waits, until asked.
import { watchFolder } from '../check/file-watch.ts';

export interface SaveWatch {
  /** The files saved since the last call (or clear()), as soon as there are any. */
  next(): Promise<string[]>;
  /** Forgets the saves so far. */
  clear(): void;
  stop(): void;
}

/** Starts noticing saves in `folder`. */
export async function watchSaves(folder: string): Promise<SaveWatch> {
  let saved = new Set<string>();
  let waiting: { promise: Promise<string[]>; resolve: (files: string[]) => void } | undefined;
  const take = () => {
    const files = [...saved];
    saved = new Set();
    return files;
  };
  const watch = await watchFolder(folder, (files) => {
    for (const file of files) saved.add(file);
    if (!waiting) return;
    const { resolve } = waiting;
    waiting = undefined;
    resolve(take());
  });
  return {
    next() {
      if (saved.size) return Promise.resolve(take());
      if (!waiting) {
        let resolve!: (files: string[]) => void;
        const promise = new Promise<string[]>((settle) => (resolve = settle));
        waiting = { promise, resolve };
      }
      return waiting.promise;
    },
    clear: () => void (saved = new Set()),
    stop: () => watch.stop(),
  };
}
