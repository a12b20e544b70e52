// The words of the check: what to run, and what came out of it.
import type { ExerciseTarget } from '../lessons/exercise.ts';
import type { LessonEntry } from '../lessons/catalog.ts';
import type { TypeIssue } from './types-check/type-checker.ts';

/** Run a lesson's tests (tests/<slug>.test.ts) against one copy of its exercise. */
export interface LessonCheckRequest {
  lesson: LessonEntry;
  /** Which copy: the learner's (default), the solution, the starter or a known mistake. */
  target?: ExerciseTarget;
}

/** Run one test file of its own, outside the manifest (the engine's fixture lessons). */
export interface FileCheckRequest {
  /** The test file, relative to the project root or absolute. */
  testFile: string;
  /** A short name for the results; the file's path when omitted. */
  name?: string;
  /** Stuck sooner than a lesson's check: the engine's own tests of stuck code need not wait as long. */
  limits?: StuckLimits;
}

/** When a test counts as stuck (src/check/worker/): the defaults suit a learner's code. */
export interface StuckLimits {
  /** CPU a blocked main thread may burn before it counts as an endless loop. */
  busyCpuMs?: number;
  /** Quiet time (nothing under way, nothing happening) before a test counts as waiting forever. */
  waitingMs?: number;
}

export type CheckRequest = LessonCheckRequest | FileCheckRequest;

/** What one `expect` failure (or thrown error) said. */
export interface FailureDetail {
  /** The error's message, colours removed; for an assertion with a message, it starts with that message. */
  message: string;
  /** The assertion's own message (`expect(value, 'this message')`), when it had one. */
  note?: string;
  /** The value the test wanted, as vitest printed it, when the assertion gave one. */
  expected?: string;
  /** The value the code produced, as vitest printed it. */
  actual?: string;
  /** The error's name: AssertionError, TypeError, NeverSettled… */
  name?: string;
  /** Where it was thrown, "path/from/root.ts:12:5", when known. */
  location?: string;
  /** True when vitest stopped the test for running past its own time limit. */
  timedOut?: boolean;
  /** The lesson's "Common mistakes" bullet the check found this to be, by its bold words. */
  mistake?: string;
  /** The lesson app's own error, when it crashed while answering the check (a 500). */
  serverError?: { message: string; location?: string };
}

export interface TestOutcome {
  /** The describe titles around the test, outermost first. */
  path: string[];
  /** The `it` sentence. */
  title: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** For a skipped test: why, as the test said (the browser checks wait for the API to work). */
  skipNote?: string;
  /** Why it failed (the first error; a test rarely has more). */
  failure?: FailureDetail;
  durationMs?: number;
}

/**
 * Why a check has no verdict from its tests:
 * - `load-error`: the exercise file did not load (syntax error, threw while imported, missing);
 * - `setup-error`: the test file's own setup failed (e.g. the database did not start);
 * - `busy`: the code computed without a break (an endless loop, or a huge piece of work in one
 *   go), measured in CPU time, and was stopped;
 * - `heavy`: the code kept working (thousands of connections, say), the event loop turning
 *   between its steps, for many times the CPU a check needs, and was stopped;
 * - `waiting`: the code waited for something that never happens (nothing under way, nothing
 *   happening), and was stopped;
 * - `ended-itself`: the code ended its own process (process.exit, a kill of its own pid);
 * - `out-of-memory`: the code filled the memory its process may use, and the process died;
 * - `time-limit`: the whole run passed its last-resort ceiling;
 * - `unhandled-error`: code threw outside any test (from a timer or a callback);
 * - `too-much-output`: code printed tens of megabytes, or more than the pipe could take (ENOBUFS);
 * - `crash`: vitest itself failed or stopped unexpectedly;
 * - `no-tests`: the file ran but held no test;
 * - `judge-changed`: the test file, tests/support/ or the progress file was changed (judge-guard.ts).
 */
export type ProblemKind =
  | 'load-error'
  | 'setup-error'
  | 'busy'
  | 'heavy'
  | 'waiting'
  | 'ended-itself'
  | 'out-of-memory'
  | 'time-limit'
  | 'unhandled-error'
  | 'too-much-output'
  | 'crash'
  | 'no-tests'
  | 'judge-changed';

/** How the judge was found changed: a test file put back after the run, one unlike the course's, or progress put back. */
export type JudgeChange = 'put-back' | 'not-the-course-copy' | 'progress';

export interface CheckProblem {
  kind: ProblemKind;
  /** One plain line: the first line of the error, or what happened. */
  message: string;
  /** "path/from/root.ts:3:17" when known. */
  location?: string;
  /** More of the error, colours removed, for `--verbose` views; never shown first. */
  detail?: string;
  /** For `judge-changed`: which file (from the project root), and how it was found changed. */
  judge?: { file: string; how: JudgeChange };
}

export interface CheckResult {
  request: CheckRequest;
  /**
   * For a run that was stopped (busy, waiting) or ended itself: the `it` sentence (with its
   * describe path) that was running then, or null when the learner's code was still loading.
   */
  during?: { path: string[]; title: string } | null;
  /** The vitest project name: "02-schema@solution", or the fixture's name. */
  name: string;
  /** Every test passed and at least one ran. */
  passed: boolean;
  tests: TestOutcome[];
  problem?: CheckProblem;
  /** An error the code threw outside any test (a timer, a forgotten promise); it fails the check too. */
  strayError?: CheckProblem;
  /** What TypeScript says about the learner's files (checks only strip types, they do not check them). */
  typeIssues?: TypeIssue[];
  /** TypeScript's view when it was not ready with the verdict (a warm check never waits for it). */
  typeIssuesLater?: Promise<TypeIssue[]>;
  durationMs?: number;
}

/** One engine test file (tests/engine/**) and its tests. */
export interface EngineFileResult {
  /** Path from the project root. */
  file: string;
  tests: TestOutcome[];
  problem?: CheckProblem;
}

export interface CheckReport {
  /** One result per request, in the order asked. */
  results: CheckResult[];
  /** Engine test files, when `includeEngine` was asked. */
  engine: EngineFileResult[];
  /** Every result passed, every engine test passed and nothing went wrong outside the tests. */
  passed: boolean;
  /** Errors vitest caught outside any test that no result could be blamed for, first lines only. */
  unhandledErrors: string[];
  /** The run was stopped at its last-resort ceiling. */
  timedOut: boolean;
  durationMs: number;
  /** What vitest printed, for debugging; never shown to a learner first. */
  output: string;
}

/** Progress while a run goes on: a test file has started or ended (its result is final). */
export type CheckProgress =
  | { type: 'started'; name: string }
  | { type: 'finished'; result: CheckResult }
  | { type: 'engine-file'; file: EngineFileResult };
