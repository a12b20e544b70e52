// A vitest setup file for lesson checks: marks errors thrown outside any test (an
// unhandled rejection, an exception from a timer) with the exercise copy that threw
// them (LESSON_TARGET). Vitest names only the test file, and one proof runs the same
// file against many copies at once; the mark lets the check blame the right one.
import type { EventEmitter } from 'node:events';

const events: EventEmitter = process;

function tagger(event: 'unhandledRejection' | 'uncaughtException') {
  const tag = (error: unknown) => {
    if (error !== null && typeof error === 'object') {
      (error as Record<string, unknown>).PLAYGROUND_TARGET = process.env.LESSON_TARGET ?? 'playground';
    }
    // Vitest reports an error only while its own listener is alone; step aside for this
    // one (it runs right after us), then come back for the next.
    events.off(event, tag);
    setImmediate(() => events.prependListener(event, tag));
  };
  return tag;
}

for (const event of ['unhandledRejection', 'uncaughtException'] as const) events.prependListener(event, tagger(event));
