// The check: runs a lesson's tests in vitest and explains the verdict to a beginner.
// runChecks runs requests once, on a cold vitest; WarmCheck keeps one warm for the menu and
// watchPlayground for watch mode; explainCheck words a result. Stuck code is told from slow
// code by what it does, not by the clock (worker/), and ended with all it started; the
// database belongs to the check, not to the worker, so it is dropped however the run ends.
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
