// The check: runs a lesson's tests in vitest and explains the verdict to a beginner.
// runChecks runs requests once, on a cold vitest; explainCheck words a result. The menu's
// warm check (warm-check.ts) and watch mode (watch.ts) are imported from their own files, so
// that a one-off check never loads them. Stuck code is told from slow
// code by what it does, not by the clock (worker/), and ended with all it started; the
// database belongs to the check, not to the worker, so it is dropped however the run ends.
export { runChecks, type RunChecksOptions } from './run-checks.ts';
export type { WarmCheck } from './warm-check.ts';
export { explainCheck } from './explain.ts';
export { explainTypeIssues } from './explain-types.ts';
export type { ReadIn } from './explain-words.ts';
export { hasHinglish, inLanguage } from './two-languages.ts';
export { judgeDigestsCurrent, recordJudgeDigests } from './judge-guard.ts';
export type {
  LessonCheckRequest,
  CheckReport,
  CheckResult,
  TestOutcome,
  EngineFileResult,
  ProblemKind,
} from './types.ts';
