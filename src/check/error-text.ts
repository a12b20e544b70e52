// Reading errors the way a learner needs them: no colour codes, the first line,
// where it happened, and the assertion's own message apart from vitest's words.
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { projectRoot } from '../lessons/catalog.ts';
import type { FailureDetail } from './types.ts';
import type { ErrorRecord } from './wire.ts';

/** The text without terminal colour codes (Node's own; results.ts and run-checks.ts use this name). */
export const stripAnsi = stripVTControlCharacters;

/** The first line with words on it, trimmed. */
export function firstLine(text: string): string {
  return (
    stripAnsi(text)
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line.length > 0) ?? ''
  );
}

/** Shortens a long value to `max` characters, saying how much was left out. */
export function cap(text: string, max = 300): string {
  // A little over is kinder than a sentence cut a few characters before its end.
  if (text.length <= max * 1.2) return text;
  const lastSpace = text.lastIndexOf(' ', max);
  const end = lastSpace > max * 0.7 ? lastSpace : max;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

/** "path/from/root.ts:3:17" for an absolute path (or file URL) and a position. */
function shortLocation(file: string, line?: number, column?: number): string {
  const plain = file.startsWith('file://') ? new URL(file).pathname : file;
  const relative = path.isAbsolute(plain) ? path.relative(projectRoot, plain).split(path.sep).join('/') : plain;
  // A playground outside the project (PLAYGROUND_DIR) is clearer by its full path than by "../../".
  const shown = relative.startsWith('../') ? plain : relative;
  return [shown, line, column].filter((part) => part !== undefined).join(':');
}

/**
 * The most useful place of an error: for a parse error, the spot in the file that
 * did not parse; otherwise the first stack frame `isOwnCode` accepts (the first
 * outside node_modules when none is given).
 */
export function errorLocation(error: ErrorRecord, isOwnCode?: (file: string) => boolean): string | undefined {
  // oxc and esbuild print "[ path/to/file.ts:2:14 ]" or "path/to/file.ts:2:14:" in the message.
  const parsed = /([^\s[\]()]+\.[cm]?[jt]sx?):(\d+):(\d+)/.exec(stripAnsi(error.message));
  if (error.transformFile && parsed) return shortLocation(path.resolve(projectRoot, parsed[1]), +parsed[2], +parsed[3]);
  if (error.transformFile) return shortLocation(error.transformFile);
  const accept = isOwnCode ?? ((file: string) => !file.includes('/node_modules/'));
  const frames = error.frames.length ? error.frames : stackFrames(error.stack);
  const frame = frames.find((candidate) => accept(candidate.file));
  return frame ? shortLocation(frame.file, frame.line, frame.column) : undefined;
}

/**
 * The frames of a stack's text that name a file ("at fn (/abs/file.ts:3:47)"), for an error
 * vitest parsed none of: one thrown outside any test, by a timer, after the last check.
 */
function stackFrames(stack = ''): ErrorRecord['frames'] {
  const frame = /^\s*at (?:.*\()?((?:file:\/\/)?(?:\/|[A-Za-z]:\\)[^()]+?):(\d+):(\d+)\)?$/gm;
  return [...stripAnsi(stack).matchAll(frame)].map((match) => ({ file: match[1], line: +match[2], column: +match[3] }));
}

/** The first line of an error as a learner should read it: "SyntaxError: Unexpected token". */
export function errorHeadline(error: ErrorRecord): string {
  const message = stripAnsi(error.message);
  if (error.transformFile) {
    // "Transform failed with 1 error:\n\n[PARSE_ERROR] Unexpected token" → "Unexpected token"
    const reason = /\[[A-Z_]+\]\s*(.+)/.exec(message)?.[1] ?? firstLine(message.replace(/^Transform failed[^\n]*/, ''));
    return `SyntaxError: ${reason.trim()}`;
  }
  const line = firstLine(message);
  const name = error.name && error.name !== 'Error' ? error.name : '';
  return name && !line.startsWith(name) ? `${name}: ${line}` : line || name || 'Error';
}

const timeoutMessage = /^Test timed out in \d+ms/;

/** What a failed test said: message, the assertion's own note, expected and actual values. */
export function failureDetail(error: ErrorRecord, isOwnCode?: (file: string) => boolean): FailureDetail {
  const message = stripAnsi(error.message).trim();
  const detail: FailureDetail = { message, name: error.name, location: errorLocation(error, isOwnCode) };
  // `expect(value, 'note')` makes vitest say "note: expected 1 to be 2".
  const split = message.indexOf(': expected ');
  if (error.name === 'AssertionError' && split > 0) detail.note = message.slice(0, split);
  if (error.expected !== undefined) detail.expected = error.expected;
  if (error.actual !== undefined) detail.actual = error.actual;
  if (timeoutMessage.test(message)) detail.timedOut = true;
  return detail;
}
