// A hard stop for work that cannot look at the clock itself: a regular expression
// backtracking inside V8, or an expression mingo evaluates over one huge document.
// Node's vm timeout interrupts any JavaScript, regular expressions included; it costs
// a thread start (about 0.1 ms), so only requests that need it go through here.
import vm from 'node:vm';
import { type TimeLimit, timeLimitExceeded } from './time-limit.ts';

let sandbox: vm.Context | undefined;
let call: vm.Script | undefined;
let running = false;

/**
 * Runs `work` and stops it when `time` runs out, with MaxTimeMSExpired.
 * `work` must only read: a stop can come at any instruction, so it must not leave a half-made write.
 */
export function runInterruptible<T>(work: () => T, time: TimeLimit): T {
  const ms = time.left();
  if (running || !Number.isFinite(ms)) return work();
  if (ms <= 0) throw timeLimitExceeded(time.byCeiling);
  sandbox ??= vm.createContext({ work: undefined });
  call ??= new vm.Script('work()');
  sandbox.work = work;
  running = true;
  try {
    return call.runInContext(sandbox, { timeout: Math.max(1, Math.ceil(ms)) }) as T;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw timeLimitExceeded(time.byCeiling);
    throw error;
  } finally {
    running = false;
    sandbox.work = undefined;
  }
}
