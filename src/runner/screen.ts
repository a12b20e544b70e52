// The menu's screens: where they read keys and write (the process's own terminal, or the
// streams a test hands in, passed down to every prompt, log line and spinner), and clack's
// prompts and log in the learner's language, folded to the screen's columns.
import type { Readable, Writable } from 'node:stream';
import { log as clackLog, confirm, isCancel, select, type SelectOptions } from '@clack/prompts';
import type { Language } from '../progress/progress-store.ts';
import { menuWords } from './menu-words.ts';
import { fitToScreen, paint } from '../terminal/terminal.ts';

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

// clack puts "│  " (or a symbol and two spaces) before every line of a message.
const prefixWidth = 3;

type Kind = 'info' | 'success' | 'step' | 'warn' | 'error';

// clack writes a message as it is given, so the terminal would break a long one mid-word and
// lose the │ border down its left.
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

/**
 * Asks `options.message` with clack's select, its key help in `language`; cancel as clack gives it.
 * clack's key help below the list is English only, so a Hinglish list turns it off (its
 * documented showInstructions) and says its own help under the question instead.
 */
export function choose<Value>(language: Language, options: SelectOptions<Value>): Promise<Value | symbol> {
  if (language === 'en') return select(options);
  const help = paint('dim', menuWords(language).navigation);
  return select({ ...options, message: `${options.message}\n${help}`, showInstructions: false });
}

/**
 * Asks yes/no before something that cannot be undone (reset) or spoils the exercise (the
 * solution), its answers in `language`. The cursor starts on No; Ctrl-C and Esc mean no as well.
 */
export async function askYesNo(
  question: string,
  streams: Partial<ScreenStreams> = {},
  language: Language = 'en',
): Promise<boolean> {
  const { yes, no } = menuWords(language);
  const answer = await confirm({
    message: question,
    initialValue: false,
    active: yes,
    inactive: no,
    ...screenStreams(streams),
  });
  return !isCancel(answer) && answer === true;
}
