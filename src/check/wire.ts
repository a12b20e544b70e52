// What the vitest side (our reporter, the warm server) sends to the check over IPC.
// Plain JSON: the check turns it into results (results.ts); the reporter stays dumb.
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StuckLimits } from './types.ts';

declare module 'vitest' {
  /** What a lesson's test worker is told of its check; neither is there outside a check. */
  export interface ProvidedContext {
    /** Where the check channel listens (host/run-host.ts provides it before the first run). */
    checkChannel?: string;
    /** The worker's project of the plan (vitest.config.ts). */
    checkProject?: { name: string; limits: StuckLimits };
  }
}

/** The name of the error src/check/server-errors.ts adds to a failed test: the lesson app's own crash. */
export const serverErrorName = 'ServerError';

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
  /** For a skipped test: why, as its ctx.skip(note) said. */
  skipNote?: string;
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

/** What the check's host (host/run-host.ts) tells the check, besides the reporter's messages. */
export type HostMessage =
  | ReporterMessage
  /** A warm host's next run is prepared: its worker waits for go. */
  | { type: 'prepared' }
  /** What the host saw of a project's worker that vitest cannot say (stuck, or ended itself). */
  | { type: 'verdict'; project: string; verdict: WorkerVerdict }
  /** A run is over: every message about it came before this one. */
  | { type: 'run-done' }
  | { type: 'host-error'; message: string };

/** What the check asks of its host. */
export type HostRequest =
  /** Warm: forget these files (they are read afresh), then let the prepared run go. */
  | { type: 'go'; files: string[] }
  /** Drop the databases, close everything, and end. */
  | { type: 'end' };

/** What the host saw of a project's worker. */
export interface WorkerVerdict {
  /** The worker was ended because it was stuck. */
  stuck?: StuckKind;
  /** The worker ended by itself while the learner's code ran (process.exit, a kill of its own). */
  endedItself?: boolean;
  /** The worker died because its code filled the memory it may use (V8's heap limit). */
  outOfMemory?: boolean;
  /** What was under way then: a test, or null for the loading of the learner's code. */
  during?: RunningTest;
}

/** A test the worker is running, or null while it loads the learner's code (the file's hooks). */
export type RunningTest = { path: string[]; title: string } | null;

/**
 * Where a test worker's Node writes its report of a fatal error (out of memory), named by its
 * pid: the one word a dying worker can still leave, read by the host when its channel closes.
 */
export function fatalReportPath(pid: number): string {
  return path.join(tmpdir(), `playground-check-fatal-${pid}.json`);
}

/** What a lesson's test worker tells the check over the check channel (check-channel.ts). */
export type WorkerMessage =
  | { type: 'hello'; project: string; pid: number }
  | { type: 'running'; test: RunningTest }
  /** Between tests: nothing of the learner's is under way. */
  | { type: 'idle' }
  /**
   * busy: computing without a break; heavy: working on and on, the main thread free between
   * steps; printing: tens of megabytes printed; waiting: nothing happening,
   * for something that never comes.
   */
  | { type: 'stuck'; kind: StuckKind; pid: number };

export type StuckKind = 'busy' | 'heavy' | 'printing' | 'waiting';

/** The servers a lesson's code talks to during a check, made by the check, not the worker. */
export interface CheckServices {
  /** The database server, as given (connect with the dbName option, so credentials keep their own database). */
  serverUri: string;
  /** This run's own database on it. */
  dbName: string;
}

/** What the check tells a test worker: its services once they are ready, and when to start. */
export type ChannelMessage =
  | { type: 'services'; services: CheckServices }
  | { type: 'no-services'; reason: string }
  | { type: 'go' };
