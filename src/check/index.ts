// The check: runs a lesson's tests in a child vitest and explains the result to a beginner.
//
//   runChecks(requests, { includeEngine?, timeoutMs?, maxWorkers?, onProgress? }) → Promise<CheckReport>
//     One cold vitest start (about 1.5 s) running every request in parallel. A request is
//     { lesson, target? } (tests/<slug>.test.ts against playground | solution | starter |
//     mistake:<folder>) or { testFile, name? } (any single test file). One CheckResult per
//     request, in order: passed, tests[] (describe path, `it` title, state, failure with the
//     assertion's note, expected and actual), and problem { kind: load-error | setup-error |
//     time-limit | unhandled-error | crash | no-tests, message, location? } when the tests did
//     not run. Past timeoutMs (default 20 s) every process is killed. Never rejects.
//
//   explainCheck(result, lesson?) → string
//     Plain, warm words for the learner: the failing `it` sentence, the test's own message,
//     expected/got, where, and the hint command; or what kept the tests from running.
//
//   watchLesson(lesson, { onResult, onStart?, timeoutMs?, poll?, checkNow? }) → CheckWatch
//     Checks playground/<slug>/ now and after every save, on a warm vitest (a re-check takes
//     a fraction of a second). onResult gets only results about the newest code. A run past
//     the time limit is killed and vitest restarted. Call `await watch.stop()` when done: it
//     stops every process. watchCheck(request, folder, options) does the same for any request.
//
// Every child runs in a process group of its own, killed as a whole at the time limit, after
// each cold run, on stop() and when this process exits (process.exit, or a normal end).
// A runner that handles Ctrl+C itself should call `await watch.stop()` or process.exit().
export { runChecks, defaultTimeoutMs, type RunChecksOptions } from './run-checks.ts';
export { explainCheck } from './explain.ts';
export { watchLesson, watchCheck, type WatchOptions, type CheckWatch } from './watch.ts';
export type {
  CheckRequest,
  LessonCheckRequest,
  FileCheckRequest,
  CheckReport,
  CheckResult,
  CheckProblem,
  CheckProgress,
  ProblemKind,
  TestOutcome,
  FailureDetail,
  EngineFileResult,
} from './types.ts';
