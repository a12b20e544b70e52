// A learner's error said in the check's words, keeping the error's stack frames: the check
// points to the line of the learner's file it came from (src/check/error-text.ts).

/** `error`, with `message` instead of its own; its stack still leads to where it was thrown. */
export function reworded(error: unknown, message: string): Error {
  const said = new Error(message);
  const frames = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)) : [];
  if (frames.length) said.stack = [`Error: ${message}`, ...frames].join('\n');
  return said;
}
