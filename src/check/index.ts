// The check: runs a lesson's tests in a child vitest and explains the result to a beginner.
//
//   runChecks(requests, { includeEngine?, ceilingMs?, maxWorkers?, onProgress? }) → Promise<CheckReport>
//     One cold vitest (vitest-host.mjs, host/run-host.ts) running every request in parallel. A
//     request is { lesson, target? } (tests/<slug>.test.ts against playground | solution | starter
//     | mistake:<folder>) or { testFile, name? } (any single test file). One CheckResult per
//     request, in order: passed, tests[] (describe path, `it` title, state, failure with the
//     assertion's note, expected and actual), and problem { kind, message, location? } when the
//     tests did not run or were stopped. Never rejects.
//
//   new WarmCheck(request, folders) → warmUp(), run(changed), stop()
//     The same on a vitest kept warm, whose next run is always prepared and waits for "go":
//     a re-check reads only the learner's code afresh. Used by the menu and by watch mode.
//
//   explainCheck(result, lesson?, readIn?, language?, instead?) → string
//     Plain, warm words for the learner: the failing `it` sentence, the test's own message,
//     expected/got, where, and the hint command; or what kept the tests from running. A warm
//     check's verdict never waits for TypeScript: what it says later is in result.typeIssuesLater,
//     for explainTypeIssues(issues, language).
//
//   watchPlayground(lesson, { onResult, onStart?, poll?, checkNow?, warm? }) → CheckWatch
//     Checks playground/<slug>/ now and after every save, on a warm check. onResult gets only
//     results about the newest code. Call `await watch.stop()` when done.
//
// Stuck code is told from slow code by what it does, not by the clock (worker/): a main thread
// that burns CPU without end is busy; a test with nothing under way and nothing happening for
// a while waits for what never comes. Either way the check ends that worker and everything it
// started (src/processes/), names the test, and the run goes on. The database belongs to the
// check, not to the worker, so it is dropped however the run ends.
export { runChecks, type RunChecksOptions } from './run-checks.ts';
export { WarmCheck } from './warm-check.ts';
export { explainCheck } from './explain.ts';
export { explainTypeIssues } from './explain-types.ts';
export { learnerTypedFiles } from './types-check/type-checker.ts';
export type { ReadIn } from './explain-words.ts';
export { hasHinglish, inLanguage } from './two-languages.ts';
export { watchPlayground, watchCheck } from './watch.ts';
export { judgeDigestsCurrent, recordJudgeDigests } from './judge-guard.ts';
export type {
  LessonCheckRequest,
  CheckReport,
  CheckResult,
  TestOutcome,
  EngineFileResult,
  ProblemKind,
} from './types.ts';
