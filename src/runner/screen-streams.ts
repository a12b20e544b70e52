// Where the interactive screens read keys and write: the process's own terminal, or the
// streams a test hands in, passed down to every prompt, log line and spinner.
import type { Readable, Writable } from 'node:stream';
import { fitToScreen } from './screen-wrap.ts';

export interface ScreenStreams {
  input: Readable;
  output: Writable;
}

/** The streams given, with the process's stdin and stdout for any not given. */
export function screenStreams(given: Partial<ScreenStreams> = {}): ScreenStreams {
  return { input: given.input ?? process.stdin, output: given.output ?? process.stdout };
}

/** Writes `text` and a line break to the screen, folded at word boundaries to a terminal's columns. */
export function say(streams: ScreenStreams, text: string): void {
  streams.output.write(`${fitToScreen(text, streams.output)}\n`);
}
