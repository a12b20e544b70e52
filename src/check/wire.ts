// What the vitest side (our reporter, the warm server) sends to the check over IPC.
// Plain JSON: the check turns it into results (results.ts); the reporter stays dumb.

export interface ErrorRecord {
  name?: string;
  message: string;
  stack?: string;
  expected?: string;
  actual?: string;
  /** Stack frames vitest parsed, first (innermost) first. */
  frames: { file: string; line: number; column: number }[];
  /** The file a transform (parse) error is about. */
  transformFile?: string;
  /** For errors outside any test: the test file (and test) vitest was running then. */
  testPath?: string;
  testName?: string;
  /** For errors outside any test in a lesson check: the exercise copy (LESSON_TARGET) that threw it. */
  target?: string;
}

export interface TestRecord {
  path: string[];
  title: string;
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  errors: ErrorRecord[];
  durationMs?: number;
}

export interface ModuleRecord {
  /** The vitest project name. */
  project: string;
  /** Absolute path of the test file. */
  file: string;
  /** Errors of the file itself and of its suites' hooks (beforeAll…), not of single tests. */
  errors: ErrorRecord[];
  tests: TestRecord[];
  durationMs?: number;
}

export type ReporterMessage =
  | { type: 'module-start'; project: string; file: string }
  | { type: 'module-end'; module: ModuleRecord }
  | { type: 'run-end'; unhandled: ErrorRecord[]; reason: string };

/** Messages only the warm server sends. */
export type WarmServerMessage =
  ReporterMessage | { type: 'ready' } | { type: 'run-done'; runId: number } | { type: 'server-error'; message: string };

/** What the check asks the warm server. */
export interface WarmRunRequest {
  type: 'run';
  runId: number;
  /** Files that changed since the last run: their transformed code is thrown away. */
  changed: string[];
  /** Folders of the learner's code: every file in them is read afresh, whatever the watcher saw. */
  folders: string[];
}
