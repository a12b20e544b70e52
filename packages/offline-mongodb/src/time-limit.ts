// Every request's time budget. One thread serves every client, so a request runs under
// mongod's maxTimeMS capped by the stand-in's own ceiling, and its long loops look at
// the clock (TimeLimit.check) to end it with mongod's MaxTimeMSExpired (50) when time is up.
// Each request makes its own TimeLimit (commands.ts) and hands it to the work it runs.
import { CommandError } from './errors.ts';

/** How long one request may keep the server to itself when it sets no lower maxTimeMS. */
export const DEFAULT_TIME_LIMIT_MS = 500;

/** mongod's error for a request that ran out of time; `ceiling` adds what the stand-in's own limit means. */
export function timeLimitExceeded(ceiling: boolean): CommandError {
  const reason = ceiling
    ? ' (the offline stand-in ends any single request after its time limit so that it can keep serving other clients: add an index, narrow the query, or use a real MongoDB through MONGODB_URI)'
    : '';
  return new CommandError(50, 'MaxTimeMSExpired', `operation exceeded time limit${reason}`);
}

/** A budget of time for synchronous work: check() throws MaxTimeMSExpired once it is spent. */
export class TimeLimit {
  private countdown = 1;
  private lastLook = performance.now();

  /** `byCeiling`: the budget is the stand-in's own ceiling rather than the client's maxTimeMS. */
  private constructor(
    private readonly deadline: number,
    readonly byCeiling: boolean,
  ) {}

  /** No limit at all, for work outside any request. */
  static none(): TimeLimit {
    return new TimeLimit(Number.POSITIVE_INFINITY, false);
  }

  /** `ms` from now; inside an `outer` budget, the earlier end wins. */
  static after(ms: number, byCeiling: boolean, outer?: TimeLimit): TimeLimit {
    const deadline = performance.now() + ms;
    if (outer && outer.deadline <= deadline) return new TimeLimit(outer.deadline, outer.byCeiling);
    return new TimeLimit(deadline, byCeiling);
  }

  /** Milliseconds left (Infinity for no limit). */
  left(): number {
    return this.deadline - performance.now();
  }

  /**
   * Called once per step of a long loop (a document scanned, a comparison made). Reading the
   * clock every step would slow ordinary scans, so it looks every 64 steps, and every step
   * once steps turn slow (big documents).
   */
  check(): void {
    if (--this.countdown > 0) return;
    const now = performance.now();
    if (now > this.deadline) throw timeLimitExceeded(this.byCeiling);
    this.countdown = now - this.lastLook > 1 ? 1 : 64;
    this.lastLook = now;
  }
}
