// A check's result in plain words for a beginner: what happened, why, what to try
// next. The failing `it` sentence and the test's own message come first; never a
// raw vitest dump or a stack trace.
import type { LessonEntry } from '../lessons/catalog.ts';
import { cap } from './error-text.ts';
import { explainTypeIssues } from './explain-types.ts';
import type { CheckProblem, CheckResult, FailureDetail, TestOutcome } from './types.ts';

const maxValue = 200;
const maxMessageLines = 6;
/** Failing checks listed after the first; more would bury it. */
const maxOthers = 4;

/** Explains a result to the learner, in a few short lines of plain text (no colours). */
export function explainCheck(
  result: CheckResult,
  lesson?: LessonEntry,
  /** Where the learner reads this: the menu has a "Next hint" action, the command line a command. */
  readIn: 'menu' | 'command line' = 'command line',
): string {
  lesson ??= 'lesson' in result.request ? result.request.lesson : undefined;
  const hint = !lesson
    ? undefined
    : readIn === 'menu'
      ? 'Stuck? Pick "Next hint" in the lesson menu.'
      : `Stuck? The next hint is one command away: npm run lesson -- hint ${lesson.number}`;

  const types = explainTypeIssues(result.typeIssues);
  if (result.passed) {
    const count = result.tests.filter((test) => test.state === 'passed').length;
    const all = count === 1 ? 'The 1 check passes' : `All ${count} checks pass`;
    return joinLines([
      `${all}: your code does everything ${lesson ? `lesson ${lesson.number} asks` : 'the checks ask'}. Well done!`,
      ...(types.length ? ['', ...types] : []),
    ]);
  }
  if (result.problem)
    return joinLines([...explainProblem(result.problem, result), ...(types.length ? ['', ...types] : []), '', hint]);

  const failed = result.tests.filter((test) => test.state === 'failed');
  const ran = result.tests.filter((test) => test.state === 'passed' || test.state === 'failed');
  const [first, ...others] = failed;
  if (!first) return joinLines(['No check ran, so there is nothing to show yet.', hint]);

  const lines: (string | undefined)[] = [
    failed.length === ran.length
      ? `Not yet: ${countOf(failed.length)} fail${failed.length === 1 ? 's' : ''}.`
      : `Getting there: ${ran.length - failed.length} of ${ran.length} checks pass, ${failed.length} to go.`,
    '',
    `First to fix: ${sentence(first)}`,
    ...explainFailure(first.failure),
  ];
  if (others.length) {
    lines.push('', 'Also failing:');
    for (const test of others.slice(0, maxOthers))
      lines.push(`  - ${sentence(test)}${test.failure ? `: ${shortReason(test.failure)}` : ''}`);
    if (others.length > maxOthers)
      lines.push(`  …and ${others.length - maxOthers} more. One at a time: fix the first, save, and look again.`);
  }
  if (result.strayError) {
    lines.push(
      '',
      'Also, your code threw an error outside the checks, from something that ran later (a forgotten promise, a timer):',
    );
    lines.push(`  ${cap(result.strayError.message, maxValue)}`);
  }
  if (types.length) lines.push('', ...types);
  lines.push('', hint);
  return joinLines(lines);
}

function countOf(count: number): string {
  return count === 1 ? 'the 1 check' : `all ${count} checks`;
}

/** `"saves the URL, not the file bytes" (POST /api/songs)`. */
function sentence(test: TestOutcome): string {
  return `"${test.title}"${test.path.length ? ` (${test.path.join(' › ')})` : ''}`;
}

function explainFailure(failure: FailureDetail | undefined): string[] {
  if (!failure) return [];
  if (failure.timedOut) {
    return [
      '  The check waited for your code, and it never answered.',
      '  A promise that never settles? Look for a missing resolve(), await or response (res.json…).',
    ];
  }
  const lines = [`  ${failure.note ? 'The check says' : 'What went wrong'}: ${said(failure)}`];
  if (failure.expected !== undefined || failure.actual !== undefined) {
    lines.push(`  Expected: ${cap(failure.expected ?? '(nothing)', maxValue)}`);
    lines.push(`  Got:      ${cap(failure.actual ?? '(nothing)', maxValue)}`);
  }
  if (failure.location) lines.push(`  Where: ${failure.location}`);
  return lines;
}

/** Errors thrown by the checks themselves (tests/support/settle.ts and assertions). */
const checkErrorNames = ['AssertionError', 'Error', 'NeverSettled'];

/** The test's own words when it gave some, else the error's first lines. */
function said(failure: FailureDetail): string {
  if (failure.note) return failure.note;
  const message = failure.message.split('\n').slice(0, maxMessageLines).join('\n    ');
  // An error's own name helps (TypeError: …); the checks' own error classes already speak in full sentences.
  const named = failure.name && !checkErrorNames.includes(failure.name) ? `${failure.name}: ` : '';
  return cap(named + message, maxValue * 2);
}

function shortReason(failure: FailureDetail): string {
  if (failure.timedOut) return 'your code never answered';
  return cap((failure.note ?? failure.message).split('\n')[0], maxValue);
}

/** What to look for, for the kinds of error a file most often throws as it loads. */
function loadErrorAdvice(message: string): string {
  if (message.startsWith('ReferenceError'))
    return 'That name does not exist where it is used: a typo, a lowercase type (string instead of String), or a missing import?';
  if (message.startsWith('TypeError'))
    return 'Something was used in a way its type does not allow, like calling what is not a function or reading a field of undefined.';
  if (/schema configuration|not a valid type/i.test(message))
    return 'Mongoose did not accept the design of the schema: look at the field the message names (options like timestamps go in the second argument of new mongoose.Schema).';
  return 'The line above says what went wrong: the file runs from top to bottom as it loads, so the first error stops it.';
}

function explainProblem(problem: CheckProblem, result: CheckResult): string[] {
  const where = problem.location ? `  Where: ${problem.location}` : undefined;
  switch (problem.kind) {
    case 'load-error':
      if (problem.message.startsWith('SyntaxError')) {
        return [
          'Your file could not be read, so no check could run yet.',
          `  ${problem.message}`,
          where,
          'Look at that spot and just before it: often a missing bracket, comma or quote. Save, and the check runs again.',
        ].filter(isLine);
      }
      if (problem.message.startsWith('ExerciseFileMissing'))
        return [problem.message.replace(/^ExerciseFileMissing: /, '')];
      return [
        'Your code threw an error while it was being loaded, before any check could run.',
        `  ${cap(problem.message, maxValue * 2)}`,
        where,
        loadErrorAdvice(problem.message),
      ].filter(isLine);
    case 'busy':
      return [
        problem.message,
        duringLine(result),
        'Look for a loop whose condition never turns false (while, for), or a function that calls itself without end.',
      ].filter(isLine);
    case 'waiting':
      return [
        problem.message,
        duringLine(result),
        'Look for a promise that is never resolved, an await on something that never comes, or a route that never answers (res.json, res.send).',
      ].filter(isLine);
    case 'ended-itself':
      return [
        problem.message,
        duringLine(result),
        "A lesson's code should never end the program: throw an error, or answer with an error status, instead.",
      ].filter(isLine);
    case 'time-limit':
      return [problem.message, 'Try again; if it keeps happening, please tell the playground maintainers.'];
    case 'unhandled-error':
      return [
        'Your code threw an error outside the checks, from something that ran later (a timer or a callback):',
        `  ${cap(problem.message, maxValue * 2)}`,
        where,
      ].filter(isLine);
    case 'setup-error':
      return [
        'The check could not get the lesson ready, so your code was not checked yet. This is most likely not your code:',
        `  ${cap(problem.message, maxValue * 2)}`,
        'Try the check again; if it keeps happening, please tell the playground maintainers.',
      ];
    case 'no-tests':
      return ['This lesson has no checks yet, so there is nothing to pass.'];
    case 'crash':
      return [
        'The check itself stopped before it could judge your code (not your fault):',
        `  ${cap(problem.message, maxValue * 2)}`,
        'Try again; if it keeps happening, please tell the playground maintainers.',
      ];
  }
}

/** Which check was under way when the run was stopped, or that the code was still loading. */
function duringLine(result: CheckResult): string | undefined {
  if (result.during === undefined) return undefined;
  if (result.during === null) return '  It happened while your code was being loaded, before any check ran.';
  return `  It happened during the check ${sentence({ ...result.during, state: 'pending' })}.`;
}

function isLine(line: string | undefined): line is string {
  return line !== undefined;
}

function joinLines(lines: (string | undefined)[]): string {
  return lines
    .filter(isLine)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
