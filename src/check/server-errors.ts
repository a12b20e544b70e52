// A vitest setup file for lesson checks: when a test fails and the lesson app crashed while
// answering it (a 500 from lessons/shared/json-errors.ts), the app's own error joins the
// test's errors, with its stack. The test only sees "answered 500"; the learner needs
// "ReferenceError: fileName is not defined" and the line of their file it came from.
import { subscribe } from 'node:diagnostics_channel';
import { afterEach, beforeEach } from 'vitest';
import { bothLanguages } from './two-languages.ts';
import { serverErrorName } from './wire.ts';

/** The channel json-errors.ts publishes on (lesson code imports nothing from src/, so the name is written twice). */
const channelName = 'lesson-app:unhandled-error';

interface Crash {
  request: string;
  error: unknown;
}

const crashes: Crash[] = [];
subscribe(channelName, (message) => crashes.push(message as Crash));

/** What was thrown, by its first line: "TypeError: …", or for an SDK's plain error object its own message. */
function thrown(error: unknown, anErrorObject: string): string {
  if (error instanceof Error) return `${error.name}: ${error.message.split('\n')[0]}`;
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message === 'string') return `${anErrorObject}: ${message.split('\n')[0]}`;
  return typeof error === 'object' ? String(JSON.stringify(error)) : String(error);
}

/** The app's error, reworded as what happened to the request, with the app's own stack frames. */
function serverError({ request, error }: Crash): Error {
  const reported = new Error(
    bothLanguages(
      `While answering ${request}, your app threw ${thrown(error, 'an error object')}`,
      `${request} ka jawab dete hue aapke app ne error throw kiya: ${thrown(error, 'ek error object')}`,
    ),
  );
  reported.name = serverErrorName;
  const stack = error instanceof Error ? (error.stack ?? '') : '';
  const frames = stack.split('\n').filter((line) => /^\s+at /.test(line));
  reported.stack = [`${serverErrorName}: ${reported.message}`, ...frames].join('\n');
  return reported;
}

beforeEach(() => {
  crashes.length = 0;
});

afterEach(({ task }) => {
  // Only for a test that failed anyway: a check may crash the app on purpose and expect the 500.
  if (task.result?.state !== 'fail' || crashes.length === 0) return;
  throw serverError(crashes[0]);
});
