// clack's log, folded to the screen's columns: clack writes a message as it is given, so the
// terminal would break a long one mid-word and lose the │ border down its left.
import type { Writable } from 'node:stream';
import { log as clackLog } from '@clack/prompts';
import { fitToScreen } from './screen-wrap.ts';

// clack puts "│  " (or a symbol and two spaces) before every line of a message.
const prefixWidth = 3;

type Kind = 'info' | 'success' | 'step' | 'warn' | 'error';

function folded(kind: Kind) {
  return (text: string, { output }: { output: Writable }) =>
    clackLog[kind](fitToScreen(text, output, prefixWidth), { output });
}

/** clack's log.info, success, step, warn and error, each folded at word boundaries to `output`'s columns. */
export const log = {
  info: folded('info'),
  success: folded('success'),
  step: folded('step'),
  warn: folded('warn'),
  error: folded('error'),
};
