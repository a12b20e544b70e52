// One cold vitest run in a child process: `vitest run` with a plan, our reporter,
// no colours, a time limit, and nothing left running afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';
import { groupAlive, killGroup, spawnGroup } from './process-group.ts';
import { runningMarks } from './running-marks.ts';
import type { PlanEntry } from './plan.ts';
import type { ReporterMessage } from './wire.ts';

const reporterFile = fileURLToPath(new URL('./reporter.ts', import.meta.url));
const vitestBin = path.join(projectRoot, 'node_modules', 'vitest', 'vitest.mjs');

export interface VitestRunOptions {
  timeoutMs: number;
  /** Test files run at once (vitest's maxWorkers); vitest's own default when omitted. */
  maxWorkers?: number;
  onMessage?: (message: ReporterMessage) => void;
}

export interface VitestRunOutcome {
  messages: ReporterMessage[];
  timedOut: boolean;
  exitCode: number | null;
  /** stdout and stderr, interleaved as they came. */
  output: string;
  pid?: number;
  durationMs: number;
  /** The test each project started last (project name → test), read when the time limit struck. */
  stuckIn: Map<string, { path: string[]; title: string }>;
}

/** The environment of a vitest child: ours, minus what a surrounding vitest or lesson run set. */
export function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(VITEST|TINYPOOL|PLAYGROUND_CHECK_|PLAYGROUND_WARM_)/.test(name)) continue;
    if (['TEST', 'LESSON_TARGET', 'FORCE_COLOR', 'FORCE_TTY'].includes(name)) continue;
    if (name === 'NODE_ENV' && value === 'test') continue;
    env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

/** Runs vitest once on `plan` and collects what our reporter sent. Never rejects. */
export function runVitest(plan: PlanEntry[], options: VitestRunOptions): Promise<VitestRunOutcome> {
  const started = performance.now();
  const args = [vitestBin, 'run', `--reporter=${reporterFile}`];
  if (options.maxWorkers) args.push(`--maxWorkers=${options.maxWorkers}`);
  const marks = runningMarks();
  // The run is killed as soon as its results are in, before vitest can clear its own temporary
  // files; giving it a temporary folder of its own lets them go with that folder.
  const scratch = mkdtempSync(path.join(tmpdir(), 'playground-vitest-'));
  const child = spawnGroup(process.execPath, args, {
    cwd: projectRoot,
    env: childEnv({
      PLAYGROUND_CHECK_PLAN: JSON.stringify(plan),
      PLAYGROUND_CHECK_MARKS: marks.folder,
      TMPDIR: scratch,
      TMP: scratch,
      TEMP: scratch,
    }),
  });

  const messages: ReporterMessage[] = [];
  let output = '';
  let timedOut = false;
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk));
  child.on('message', (message: ReporterMessage) => {
    messages.push(message);
    options.onMessage?.(message);
  });

  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child);
  }, options.timeoutMs);

  return new Promise((resolve) => {
    let exitCode: number | null = null;
    let exited = false;
    let finished = false;
    const finish = async (spawnError?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      // Whatever vitest's workers or the learner's code left behind goes with the group.
      killGroup(child);
      if (child.pid !== undefined) await waitForGroupGone(child.pid);
      if (spawnError) output += `\n${spawnError.message}`;
      const stuckIn = timedOut ? marks.read() : new Map();
      marks.remove();
      rmSync(scratch, { recursive: true, force: true });
      resolve({
        messages,
        timedOut,
        exitCode,
        output,
        pid: child.pid,
        durationMs: performance.now() - started,
        stuckIn,
      });
    };
    // 'exit' can come before the last IPC messages are read: wait for the channel to close too.
    child.once('exit', (code) => {
      exited = true;
      exitCode = code;
      if (!child.connected) void finish();
      else setTimeout(() => void finish(), 1000).unref();
    });
    child.once('disconnect', () => {
      if (exited) void finish();
    });
    child.once('error', (error) => void finish(error));
  });
}

/** Resolves once no process of the group is left (SIGKILL is quick, but not instant). */
export async function waitForGroupGone(pid: number, withinMs = 5000): Promise<boolean> {
  const deadline = performance.now() + withinMs;
  while (groupAlive(pid)) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}
