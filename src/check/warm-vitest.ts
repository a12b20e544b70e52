// The check's side of the warm server (warm-server.ts): start it, ask for runs, and
// when a run passes its time limit, kill the whole process group and start afresh.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../lessons/catalog.ts';
import { planEntry, projectName } from './plan.ts';
import { killGroup, spawnGroup } from './process-group.ts';
import { checkResult, withUnhandledError, type RunContext } from './results.ts';
import { runningMarks } from './running-marks.ts';
import { childEnv, waitForGroupGone } from './vitest-run.ts';
import type { CheckRequest, CheckResult } from './types.ts';
import type { ErrorRecord, ModuleRecord, WarmRunRequest, WarmServerMessage } from './wire.ts';

const serverFile = fileURLToPath(new URL('./warm-server.ts', import.meta.url));

interface Server {
  child: ChildProcess;
  ready: Promise<void>;
  output: string;
  /** Called with every message; replaced for each run. */
  listener?: (message: WarmServerMessage) => void;
  /** Called if the process ends. */
  onExit?: () => void;
}

/** A vitest kept running between checks of one request, re-running it on demand. */
export class WarmVitest {
  private server?: Server;
  private readonly marks = runningMarks();
  private runId = 0;
  private stopped = false;

  /** `folders`: where the learner's code lives; all of it is re-read on every run. */
  constructor(
    private readonly request: CheckRequest,
    private readonly timeoutMs: number,
    private readonly folders: string[] = [],
  ) {}

  /** Starts the server now (it is also started by the first run). */
  warmUp(): Promise<void> {
    return this.current().ready;
  }

  /** The process id of the server (the leader of its process group), while one runs. */
  get pid(): number | undefined {
    return this.server?.child.pid;
  }

  /** Runs the request's test file once, after forgetting the `changed` files. Never rejects. */
  async run(changed: string[] = []): Promise<CheckResult> {
    const name = projectName(this.request);
    const started = performance.now();
    if (this.stopped) {
      return {
        request: this.request,
        name,
        passed: false,
        tests: [],
        problem: { kind: 'crash', message: 'The watch was stopped.' },
      };
    }
    const server = this.current();
    this.marks.clear();

    const outcome = await new Promise<{
      record?: ModuleRecord;
      /** The first error thrown outside any test during the run. */
      unhandled?: ErrorRecord;
      timedOut: boolean;
      ended: boolean;
    }>((resolve) => {
      const runId = ++this.runId;
      let record: ModuleRecord | undefined;
      let unhandled: ErrorRecord | undefined;
      const timer = setTimeout(() => resolve({ record, unhandled, timedOut: true, ended: false }), this.timeoutMs);
      server.onExit = () => {
        clearTimeout(timer);
        resolve({ record, unhandled, timedOut: false, ended: true });
      };
      server.listener = (message) => {
        if (message.type === 'module-end') record = message.module;
        if (message.type === 'run-end') unhandled ??= message.unhandled[0];
        if (message.type === 'run-done' && message.runId === runId) {
          clearTimeout(timer);
          resolve({ record, unhandled, timedOut: false, ended: false });
        }
      };
      server.ready.then(
        () => server.child.send({ type: 'run', runId, changed, folders: this.folders } satisfies WarmRunRequest),
        () => undefined,
      );
    });
    server.listener = undefined;
    server.onExit = undefined;

    const context: RunContext = {
      timedOut: outcome.timedOut,
      timeoutMs: this.timeoutMs,
      output: server.output,
      stuckIn: outcome.timedOut ? this.marks.read() : new Map(),
    };
    if (outcome.timedOut || outcome.ended) await this.restart();
    let result = checkResult(this.request, name, outcome.timedOut ? undefined : outcome.record, context);
    if (outcome.unhandled) result = withUnhandledError(result, outcome.unhandled);
    return { ...result, durationMs: performance.now() - started };
  }

  /** Kills the server (and all it started) and starts a fresh one, unless stopped. */
  async restart(): Promise<void> {
    await this.kill();
    if (!this.stopped) void this.current().ready.catch(() => undefined);
  }

  /** Kills the server and everything it started; no further runs. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.kill();
    this.marks.remove();
  }

  private async kill(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    killGroup(server.child);
    if (server.child.pid !== undefined) await waitForGroupGone(server.child.pid);
  }

  private current(): Server {
    if (this.server) return this.server;
    const child = spawnGroup(process.execPath, ['--import', 'tsx', serverFile], {
      cwd: projectRoot,
      env: childEnv({
        PLAYGROUND_CHECK_PLAN: JSON.stringify([planEntry(this.request)]),
        PLAYGROUND_CHECK_MARKS: this.marks.folder,
        PLAYGROUND_WARM_GATE: path.join(this.marks.folder, 'gate.sock'),
      }),
    });
    const server: Server = { child, output: '', ready: Promise.resolve() };
    child.stdout?.on('data', (chunk: Buffer) => (server.output = (server.output + chunk).slice(-20_000)));
    child.stderr?.on('data', (chunk: Buffer) => (server.output = (server.output + chunk).slice(-20_000)));
    server.ready = new Promise<void>((resolve, reject) => {
      child.on('message', (message: WarmServerMessage) => {
        if (message.type === 'ready') resolve();
        if (message.type === 'server-error') server.output += `\n${message.message}`;
        server.listener?.(message);
      });
      child.once('exit', () => {
        if (this.server === server) this.server = undefined;
        reject(new Error('The warm vitest stopped.'));
        server.onExit?.();
      });
    });
    server.ready.catch(() => undefined);
    this.server = server;
    return server;
  }
}
