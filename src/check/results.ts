// From what vitest sent (wire records) to results: per test, pass or fail and why,
// and, when a file never ran its tests, the kind of problem.
import path from 'node:path';
import { lessonPaths, projectRoot } from '../lessons/catalog.ts';
import { errorHeadline, errorLocation, failureDetail, firstLine, stripAnsi } from './error-text.ts';
import { explainWords } from './explain-words.ts';
import { testFileOf } from './plan.ts';
import type { CheckProblem, CheckRequest, CheckResult, EngineFileResult, TestOutcome } from './types.ts';
import { type ErrorRecord, type ModuleRecord, serverErrorName, type TestRecord, type WorkerVerdict } from './wire.ts';

/** How the run around a file ended, as far as the file's result is concerned. */
export interface RunContext {
  /** The run passed its last-resort ceiling and was ended. */
  ceilingHit: boolean;
  ceilingMs: number;
  /** vitest's own output, for a crash with no better explanation. */
  output: string;
  /** What the check saw of each project's worker: stuck, or ended by the learner's code. */
  verdicts: Map<string, WorkerVerdict>;
}

/** How a worker was stopped, or ended by itself, said in the verdict's first line. */
function stoppedProblem(verdict: WorkerVerdict): CheckProblem | undefined {
  const ended = verdict.outOfMemory ? 'out-of-memory' : verdict.endedItself ? 'ended-itself' : undefined;
  const kind = verdict.stuck === 'printing' ? 'too-much-output' : (verdict.stuck ?? ended);
  return kind && { kind, message: explainWords('en').stopped[kind][0] };
}

/** Is `file` one the learner (or a lesson's copy of the exercise) wrote, rather than the test or the engine? */
function learnerCodeTest(request: CheckRequest): (file: string) => boolean {
  const testFile = testFileOf(request);
  if (!('lesson' in request)) {
    const folder = path.dirname(testFile) + path.sep;
    return (file) => file.startsWith(folder) && file !== testFile;
  }
  const paths = lessonPaths(request.lesson);
  const folders = [paths.playgroundDir, paths.solutionDir, paths.starterDir, paths.variantsDir + path.sep];
  return (file) => folders.some((folder) => file.startsWith(folder));
}

function testOutcome(record: TestRecord, isOwnCode: (file: string) => boolean): TestOutcome {
  const outcome: TestOutcome = {
    path: record.path,
    title: record.title,
    state: record.state,
    durationMs: record.durationMs,
  };
  if (record.skipNote) outcome.skipNote = record.skipNote;
  const [first, ...later] = record.errors;
  if (first) outcome.failure = failureDetail(first, isOwnCode);
  const crash = later.find((error) => error.name === serverErrorName);
  if (outcome.failure && crash) {
    outcome.failure.serverError = { message: firstLine(crash.message), location: errorLocation(crash, isOwnCode) };
  }
  return outcome;
}

/** A file-level error (import, beforeAll, afterAll): the learner's file not loading, or the setup failing. */
function fileProblem(error: ErrorRecord, isOwnCode: (file: string) => boolean): CheckProblem {
  const ownFrame = error.frames.find((frame) => isOwnCode(frame.file));
  const ownFile = error.transformFile !== undefined && isOwnCode(error.transformFile);
  const loadError =
    ownFile || ownFrame !== undefined || error.name === 'SyntaxError' || error.name === 'ExerciseFileMissing';
  return {
    kind: loadError ? 'load-error' : 'setup-error',
    message: errorHeadline(error),
    location: errorLocation(error, loadError ? isOwnCode : undefined),
    detail: stripAnsi(error.stack ?? error.message),
  };
}

/** The result of one request, from its test file's record (missing when the file never ended). */
export function checkResult(
  request: CheckRequest,
  name: string,
  record: ModuleRecord | undefined,
  run: RunContext,
): CheckResult {
  const isOwnCode = learnerCodeTest(request);
  const verdict = run.verdicts.get(name);
  const stopped = verdict && stoppedProblem(verdict);
  // A worker that was stopped leaves only the tests that finished before; the one under way says nothing useful.
  const finished = (record?.tests ?? []).filter((test) => !stopped || test.state === 'passed');
  const tests = finished.map((test) => testOutcome(test, isOwnCode));
  const result: CheckResult = { request, name, passed: false, tests, durationMs: record?.durationMs };

  if (stopped) {
    result.problem = stopped;
    result.during = verdict.during ?? null;
  } else if (!record && run.ceilingHit) {
    result.problem = {
      kind: 'time-limit',
      message: `The check ran for ${Math.round(run.ceilingMs / 60_000)} minutes without finishing, and was stopped.`,
    };
  } else if (!record) {
    const lines = stripAnsi(run.output).split('\n');
    const said =
      lines.find((line) => /^\s*[A-Z]\w*(Error|Exception)\b.*:/.test(line)) ??
      lines.find((line) => /error/i.test(line));
    result.problem = {
      kind: 'crash',
      message: firstLine(said ?? 'The test run stopped before this check ended.'),
      detail: stripAnsi(run.output),
    };
  } else if (record.errors[0]) {
    result.problem = fileProblem(record.errors[0], isOwnCode);
  } else if (tests.length === 0) {
    result.problem = { kind: 'no-tests', message: `${path.relative(projectRoot, record.file)} holds no test.` };
  }

  const ran = tests.filter((test) => test.state === 'passed' || test.state === 'failed');
  result.passed = !result.problem && ran.length > 0 && ran.every((test) => test.state === 'passed');
  return result;
}

/** Marks a result failed by an error thrown outside its tests (e.g. from a timer after a test ended). */
export function withUnhandledError(result: CheckResult, error: ErrorRecord): CheckResult {
  const isOwnCode = learnerCodeTest(result.request);
  const strayError: CheckProblem = {
    // Node fails a write with ENOBUFS once output piles up faster than the terminal takes it:
    // the learner's code printed far too much, which "threw an error" would not tell them.
    kind: /\bENOBUFS\b/.test(error.message) ? 'too-much-output' : 'unhandled-error',
    message: errorHeadline(error),
    location: errorLocation(error, isOwnCode) ?? errorLocation(error),
    detail: stripAnsi(error.stack ?? error.message),
  };
  // Failing tests say more about the mistake; the stray error only becomes the problem when they all pass.
  const anyFailed = result.tests.some((test) => test.state === 'failed');
  return { ...result, passed: false, strayError, problem: result.problem ?? (anyFailed ? undefined : strayError) };
}

/** One engine test file's result. */
export function engineFileResult(record: ModuleRecord): EngineFileResult {
  const anyCode = () => false;
  const file = path.relative(projectRoot, record.file).split(path.sep).join('/');
  const result: EngineFileResult = { file, tests: record.tests.map((test) => testOutcome(test, anyCode)) };
  if (record.errors[0]) {
    const error = record.errors[0];
    result.problem = {
      kind: 'setup-error',
      message: errorHeadline(error),
      location: errorLocation(error),
      detail: stripAnsi(error.stack ?? error.message),
    };
  }
  return result;
}
