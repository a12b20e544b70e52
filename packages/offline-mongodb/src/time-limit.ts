// Every request's time budget. One thread serves every client, so a request runs under
// mongod's maxTimeMS capped by the stand-in's own ceiling, and its long loops look at
// the clock (checkTime) to end it with mongod's MaxTimeMSExpired (50) when time is up.
import { CommandError } from './errors.ts';

/** How long one request may keep the server to itself when it sets no lower maxTimeMS. */
export const DEFAULT_TIME_LIMIT_MS = 500;

// Ambient, because every step of a request runs synchronously between two event-loop turns.
let deadline = Number.POSITIVE_INFINITY;
let byCeiling = false;
let countdown = 1;
let lastLook = 0;

/** mongod's error for a request that ran out of time; `ceiling` adds what the stand-in's own limit means. */
export function timeLimitExceeded(ceiling: boolean): CommandError {
  const reason = ceiling
    ? ' (the offline stand-in ends any single request after its time limit so that it can keep serving other clients: add an index, narrow the query, or use a real MongoDB through MONGODB_URI)'
    : '';
  return new CommandError(50, 'MaxTimeMSExpired', `operation exceeded time limit${reason}`);
}

/** Runs synchronous `work` with `ms` to spend; checkTime() inside it throws once they are spent. */
export function withTimeLimit<T>(ms: number, ceiling: boolean, work: () => T): T {
  const saved = [deadline, byCeiling] as const;
  lastLook = performance.now();
  // Inside another budget, the earlier end wins.
  if (lastLook + ms < deadline) {
    deadline = lastLook + ms;
    byCeiling = ceiling;
  }
  countdown = 1;
  try {
    return work();
  } finally {
    [deadline, byCeiling] = saved;
  }
}

/** Whether a budget is running (the synchronous part of a request). */
export function insideTimeLimit(): boolean {
  return deadline !== Number.POSITIVE_INFINITY;
}

/** Milliseconds left in the current budget (Infinity outside one). */
export function timeLeft(): number {
  return deadline - performance.now();
}

/** Whether the current budget is the stand-in's ceiling rather than the client's maxTimeMS. */
export function limitedByCeiling(): boolean {
  return byCeiling;
}

/**
 * Called once per step of a long loop (a document scanned, a comparison made). Reading the
 * clock every step would slow ordinary scans, so it looks every 64 steps, and every step
 * once steps turn slow (big documents).
 */
export function checkTime(): void {
  if (--countdown > 0) return;
  const now = performance.now();
  if (now > deadline) throw timeLimitExceeded(byCeiling);
  countdown = now - lastLook > 1 ? 1 : 64;
  lastLook = now;
}
