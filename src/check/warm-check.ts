// A check kept warm for one request (the menu's lesson screen, watch mode): a host whose
// next run is always prepared. Its worker has loaded the test file, connected to the
// database and started the storage, and waits for go; a check then only has the learner's
// files forgotten (so they are read afresh), says go, and waits for the verdict.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import { HostRun, spawnHost, type CheckHost } from './check-host.ts';
import { guardJudge } from './judge-guard.ts';
import { planEntry, projectName } from './plan.ts';
import { checkResult, withUnhandledError } from './results.ts';
import { defaultCeilingMs } from './run-checks.ts';
import { learnerTypedFiles, TypeChecker } from './types-check/type-checker.ts';
import type { CheckRequest, CheckResult } from './types.ts';
import type { HostMessage } from './wire.ts';

/** The type check's answer if it is already in, without waiting for it. */
const ifReady = <T>(promise: Promise<T>) =>
  Promise.race([promise, new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)))]);

export class WarmCheck {
  private host?: CheckHost;
  private prepared = false;
  private readonly preparedWaiters = new Set<() => void>();
  private current?: HostRun;
  private stopped = false;
  /** Counts restarts: a run that was still waiting for its host when one came is over too. */
  private restarts = 0;
  /** What a host that ended by itself printed: the next run says so, then tries a new host. */
  private crashed?: string;
  private readonly name: string;

  private readonly types?: TypeChecker;

  /**
   * `folders`: where the learner's code lives; every file in them is read afresh on each run.
   * `typeCheck`: the learner's files, which TypeScript checks after each run (in a thread of its own).
   */
  constructor(
    private readonly request: CheckRequest,
    private readonly folders: string[],
    private readonly options: { typeCheck?: string[]; ceilingMs?: number } = {},
  ) {
    this.name = projectName(request);
    if (options.typeCheck?.length) this.types = new TypeChecker();
  }

  /** Starts vitest now and resolves once a run is prepared (the first run starts it too). */
  async warmUp(): Promise<void> {
    this.open();
    if (this.types && this.options.typeCheck) void this.types.check(this.options.typeCheck);
    await this.preparedRun();
  }

  /** The process id of the vitest host, while one runs. */
  get hostPid(): number | undefined {
    return this.host?.pid;
  }

  /** Runs the request's tests once on the newest code, `changed` included. Never rejects. */
  async run(changed: string[] = []): Promise<CheckResult> {
    const started = performance.now();
    if (this.stopped) return this.stoppedResult();
    const host = this.open();
    const restarts = this.restarts;
    if (!(await this.preparedRun()) || restarts !== this.restarts) return this.stoppedResult();
    this.prepared = false;
    if (this.current) return this.stoppedResult();

    const run = new HostRun(this.options.ceilingMs ?? defaultCeilingMs);
    this.current = run;
    const judged = guardJudge([this.request]);
    host.request({ type: 'go', files: [...(await this.learnerFiles()), ...changed] });
    await run.finished();
    this.current = undefined;
    // TypeScript starts once the tests are done: on two cores it would slow the verdict down.
    const typeIssues = this.types && this.options.typeCheck ? this.types.check(this.options.typeCheck) : undefined;

    if (run.ceilingHit) await this.restart();
    const record = run.ceilingHit ? undefined : run.modules.get(this.name);
    let result = checkResult(this.request, this.name, record, run.context(host.output));
    if (run.unhandled[0]) result = withUnhandledError(result, run.unhandled[0]);
    [result] = judged([result]);
    // The next run's worker may have loaded the changed file before it was put back: a new host loads it afresh.
    if (result.problem?.kind === 'judge-changed' && !run.ceilingHit) await this.restart();
    // A failing verdict never waits for TypeScript: what it has not said yet comes after
    // (typeIssuesLater). A pass does wait: it marks the lesson done and ends a watch, and
    // TypeScript may disagree with the code that passed (the checks only strip types).
    const issues = typeIssues && (await (result.passed ? typeIssues : ifReady(typeIssues)));
    const late = typeIssues && !issues ? { typeIssuesLater: typeIssues } : {};
    return { ...result, typeIssues: issues || undefined, ...late, durationMs: performance.now() - started };
  }

  /** Ends vitest (and all it started) and starts afresh, unless stopped. */
  async restart(): Promise<void> {
    const host = this.host;
    this.host = undefined;
    this.prepared = false;
    this.restarts++;
    // A run in progress is over: its result (none) is not about the newest code anyway.
    this.current?.end();
    await host?.end();
    if (!this.stopped) this.open();
  }

  /** Ends vitest and everything it started; no further runs. */
  async stop(): Promise<void> {
    this.stopped = true;
    void this.types?.stop();
    this.current?.end();
    for (const wake of this.preparedWaiters) wake();
    const host = this.host;
    this.host = undefined;
    await host?.end();
  }

  private open(): CheckHost {
    this.host ??= spawnHost({
      plan: { projects: [planEntry(this.request)], warm: true },
      onMessage: (message) => this.onMessage(message),
      // The host ended by itself (it crashed): the run in progress is over; the next run starts a new host.
      onExit: () => {
        this.crashed = this.host?.output;
        this.host = undefined;
        this.prepared = false;
        this.current?.end();
        for (const wake of this.preparedWaiters) wake();
      },
    });
    return this.host;
  }

  private onMessage(message: HostMessage): void {
    if (message.type === 'prepared') {
      this.prepared = true;
      // A new host is ready: an earlier one's crash is no longer news.
      this.crashed = undefined;
      for (const wake of this.preparedWaiters) wake();
      return;
    }
    this.current?.take(message);
  }

  /** Resolves true once a run waits for go; false if the check was stopped or its host ended meanwhile. */
  private async preparedRun(): Promise<boolean> {
    while (!this.prepared && !this.stopped && this.host) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.preparedWaiters.delete(wake);
          resolve();
        };
        this.preparedWaiters.add(wake);
      });
    }
    return this.prepared;
  }

  private async learnerFiles(): Promise<string[]> {
    const files: string[] = [];
    for (const folder of this.folders) {
      const names = await readdir(folder, { recursive: true }).catch(() => [] as string[]);
      files.push(...names.map((name) => path.join(folder, name)));
    }
    return files;
  }

  private stoppedResult(): CheckResult {
    const crashed = this.crashed;
    this.crashed = undefined;
    return {
      request: this.request,
      name: this.name,
      passed: false,
      tests: [],
      problem: crashed
        ? { kind: 'crash', message: 'The check could not start vitest.', detail: crashed }
        : { kind: 'crash', message: 'The check was stopped.' },
    };
  }
}

/** A warm check of the learner's copy of `lesson` (the menu's lesson screen), with TypeScript's view beside each verdict. */
export function warmPlayground(lesson: LessonEntry): WarmCheck {
  const folder = lessonPaths(lesson).playgroundDir + path.sep;
  return new WarmCheck({ lesson, target: 'playground' }, [folder], { typeCheck: learnerTypedFiles(lesson) });
}
