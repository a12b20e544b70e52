// Waiting for a learner's promise without letting a forgotten resolve() hang the check,
// and without calling a slow machine's correct code stuck: the patience counts only time
// in which nothing at all happened (src/check/worker/progress-clock.ts).
import { quietFor } from '../../src/lessons/progress-clock.ts';

/** Thrown when a promise did not settle in time; its message is written for the learner. */
export class NeverSettled extends Error {
  constructor(explanation: string) {
    super(explanation);
    this.name = 'NeverSettled';
  }
}

/**
 * Resolves or rejects like `promise`, or throws NeverSettled with `explanation` once `quietMs`
 * went by with nothing under way and nothing happening: no query, no upload, no request or
 * answer. A query or an upload in progress, however slow, keeps the wait going.
 */
export async function settleWithin<T>(promise: Promise<T>, quietMs: number, explanation: string): Promise<T> {
  const done = new AbortController();
  const neverSettled = quietFor(quietMs, done.signal).then(() => {
    throw new NeverSettled(explanation);
  });
  try {
    return await Promise.race([promise, neverSettled]);
  } finally {
    done.abort();
  }
}
