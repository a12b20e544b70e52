// The check's side of its host (host/run-host.ts): the host's messages, its requests, and
// ending it with everything it started. The host runs either in a process of its own
// (vitest-host.mjs: the menu, watch mode, `npm test`), or in this very process when the
// caller already made vitest (a one-off `check` command, which starts vitest first thing).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Vitest } from 'vitest/node';
import { projectRoot } from '../lessons/catalog.ts';
import { spawnContained, RUN_MARK } from '../processes/contained-child.ts';
import { endTree } from '../processes/process-tree.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import { onShutdown } from '../processes/shutdown.ts';
import { runHost } from './host/run-host.ts';
import type { CheckPlan } from './plan.ts';
import type { RunContext } from './results.ts';
import type { ErrorRecord, HostMessage, HostRequest, ModuleRecord, WorkerVerdict } from './wire.ts';

const hostFile = fileURLToPath(new URL('./vitest-host.mjs', import.meta.url));
/** How long the host gets to drop its databases and close before it is killed with all it started. */
const endGraceMs = 1000;

export interface CheckHost {
  /** The host's process id (this process, for a host in this process), while it runs. */
  readonly pid: number | undefined;
  /** What the host printed, for a crash with no better explanation. */
  readonly output: string;
  request(request: HostRequest): void;
  /** Ends the host and everything it started; resolves once it is all gone. */
  end(): Promise<void>;
}

interface HostOptions {
  plan: CheckPlan;
  onMessage(message: HostMessage): void;
  /** The host ended by itself (finished, or crashed), not because end() was called. */
  onExit(): void;
}

/** Starts a host in a process of its own, with a scratch folder for its temporary files. */
export function spawnHost(options: HostOptions): CheckHost {
  const scratch = makeScratchFolder();
  const temp = path.join(scratch.path, 'tmp');
  mkdirSync(temp);
  const child = spawnContained(process.execPath, [hostFile], {
    cwd: projectRoot,
    env: childEnv({
      PLAYGROUND_CHECK: JSON.stringify(options.plan),
      // Whatever vitest, the storage or the learner's code put in the temporary folder goes with the host.
      TMPDIR: temp,
      TMP: temp,
      TEMP: temp,
    }),
  });
  let output = '';
  let ending: Promise<void> | undefined;
  const keep = (chunk: Buffer) => (output = (output + chunk).slice(-50_000));
  child.child.stdout?.on('data', keep);
  child.child.stderr?.on('data', keep);
  child.child.on('message', (message: HostMessage) => options.onMessage(message));
  const exited = new Promise<void>((resolve) => {
    const onEnd = () => {
      resolve();
      if (ending) return;
      // Ended by itself (a crash, or a signal from outside): what it started, and its scratch
      // folder, must not outlive it.
      void host.end();
      options.onExit();
    };
    child.child.once('exit', onEnd);
    child.child.once('error', (error) => {
      output += `\n${error.message}`;
      onEnd();
    });
  });
  const forgetShutdown = onShutdown(() => host.end());
  const host: CheckHost = {
    get pid() {
      return child.child.exitCode === null ? child.child.pid : undefined;
    },
    get output() {
      return output;
    },
    request: (request) => {
      if (child.child.connected) child.child.send(request, () => undefined);
    },
    end: () =>
      (ending ??= (async () => {
        forgetShutdown();
        host.request({ type: 'end' });
        await Promise.race([exited, graceOver()]);
        await child.end();
        scratch.remove();
      })()),
  };
  return host;
}

/** Resolves once a host had its time to end by itself; never keeps this process alive. */
const graceOver = () => new Promise((resolve) => setTimeout(resolve, endGraceMs).unref());

/**
 * Hosts `vitest`, made by the caller in this process, for a run of its plan. Its workers and
 * whatever they start carry `mark` (set in process.env before vitest was made), so end()
 * finds them all.
 */
export function hostInThisProcess(vitest: Vitest, mark: string, options: Omit<HostOptions, 'plan'>): CheckHost {
  let handle: ((request: HostRequest) => void) | undefined;
  let ending: Promise<void> | undefined;
  const running = runHost(vitest, { send: options.onMessage, onRequest: (handler) => (handle = handler) }, false);
  void running.then(
    () => !ending && options.onExit(),
    (error: Error) => {
      options.onMessage({ type: 'host-error', message: error.stack ?? error.message });
      if (!ending) options.onExit();
    },
  );
  const forgetShutdown = onShutdown(() => host.end());
  const host: CheckHost = {
    pid: process.pid,
    output: '',
    request: (request) => handle?.(request),
    end: () =>
      (ending ??= (async () => {
        forgetShutdown();
        handle?.({ type: 'end' });
        await Promise.race([running.catch(() => undefined), graceOver()]);
        await endTree({ root: process.pid, mark: { name: RUN_MARK, value: mark } });
      })()),
  };
  return host;
}

/** process.env without a surrounding vitest's or lesson run's variables, plus `extra`. */
function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VITEST|TINYPOOL|PLAYGROUND_CHECK|PLAYGROUND_WORKER)/.test(name)) continue;
    if (['TEST', 'LESSON_TARGET', 'FORCE_COLOR', 'FORCE_TTY'].includes(name)) continue;
    if (name === 'NODE_ENV' && value === 'test') continue;
    env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/**
 * One run on a host, as its messages tell it: what each project's test file reported, what
 * the host saw of their workers, and the errors outside any test. The one reading of those
 * messages, for a cold run (run-checks.ts) and a warm one (warm-check.ts).
 */
export class HostRun {
  /** The last test file each project reported. */
  readonly modules = new Map<string, ModuleRecord>();
  readonly verdicts = new Map<string, WorkerVerdict>();
  unhandled: ErrorRecord[] = [];
  /** vitest reported the run's end (a vitest that crashed reports none). */
  reported = false;
  ceilingHit = false;
  private finish!: () => void;
  private readonly over = new Promise<void>((resolve) => (this.finish = resolve));

  /** `ceilingMs`: a last resort; stuck code is stopped long before, by what it does (worker/). */
  constructor(readonly ceilingMs: number) {}

  take(message: HostMessage): void {
    if (message.type === 'module-end') this.modules.set(message.module.project, message.module);
    if (message.type === 'verdict') this.verdicts.set(message.project, message.verdict);
    if (message.type === 'run-end') {
      this.unhandled = message.unhandled;
      this.reported = true;
    }
    if (message.type === 'run-done') this.finish();
  }

  /** Ends the run from outside: its host ended, or the check was stopped. */
  end(): void {
    this.finish();
  }

  /** Resolves when the run is over, or at its ceiling (then ceilingHit). */
  async finished(): Promise<void> {
    const ceiling = setTimeout(() => {
      this.ceilingHit = true;
      this.finish();
    }, this.ceilingMs);
    await this.over;
    clearTimeout(ceiling);
  }

  context(output: string): RunContext {
    return { ceilingHit: this.ceilingHit, ceilingMs: this.ceilingMs, output, verdicts: this.verdicts };
  }
}
