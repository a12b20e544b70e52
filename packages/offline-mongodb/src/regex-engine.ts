// Regular expressions such as ^(a+)+$ backtrack exponentially in V8's default engine, and a
// backtracking match cannot look at the clock. V8 has a second, linear-time engine it can
// switch to once a match backtracks too much; turning that on makes those patterns answer
// in milliseconds. Patterns that engine cannot run (backreferences, lookarounds) still
// backtrack, and the watchdog (watchdog.ts) stops them.
import v8 from 'node:v8';

let enabled = false;

/**
 * Lets V8 finish runaway regular expressions in linear time. The flag is process-wide; it changes
 * no result, only how a pattern that has already backtracked 50,000 times goes on.
 */
export function enableLinearRegexFallback(): void {
  if (enabled) return;
  v8.setFlagsFromString('--enable-experimental-regexp-engine-on-excessive-backtracks');
  enabled = true;
}
