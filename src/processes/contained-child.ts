// Children the playground starts around a learner's code (a vitest, a lesson's app, the
// sandbox). Each leads a process group of its own and carries a mark of its run in its
// environment and (on Linux) in the kernel, so that ending it ends everything it started,
// detached or not (process-tree.ts).
import { execFile, spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { isRunning, markedValues, processTable } from './process-table.ts';
import { endTree, killTree, markInKernel, type ProcessTree } from './process-tree.ts';

/** The environment variable that marks every process of a run: `<pid of its starter>-<random>`. */
export const RUN_MARK = 'PLAYGROUND_RUN';

export interface ContainedChild {
  child: ChildProcess;
  /** Kills the whole run; resolves true once nothing of it runs (false if some survived `withinMs`). */
  end(withinMs?: number): Promise<boolean>;
  /**
   * Asks the child to stop (`ask`: SIGTERM unless given), gives it `graceMs` to exit by itself,
   * then ends the whole run; resolves true when it exited in time.
   */
  stop(graceMs: number, ask?: () => void): Promise<boolean>;
}

const live = new Map<ContainedChild, ProcessTree>();

/**
 * Starts `command` as the head of a contained run. stdio defaults to pipes for stdout and
 * stderr plus an IPC channel; pass `stdio` to choose otherwise.
 */
export function spawnContained(command: string, args: string[], options: SpawnOptions = {}): ContainedChild {
  const mark = { name: RUN_MARK, value: `${process.pid}-${randomBytes(6).toString('hex')}` };
  const child = spawn(command, args, {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    ...options,
    env: { ...(options.env ?? process.env), [mark.name]: mark.value },
    // Its own group: the terminal's Ctrl-C reaches only us, and we decide how the run ends.
    detached: process.platform !== 'win32',
    windowsHide: true,
  });
  // Marked before it runs code of its own (node takes tens of milliseconds to start): what it
  // starts detached, with a cleared environment, then gets away from its parent, still goes with it.
  const kernelMark = child.pid === undefined ? undefined : markInKernel(child.pid);
  const tree = (): ProcessTree => ({ root: child.pid ?? -1, mark, kernelMark });
  const exited = new Promise<boolean>((resolve) => child.once('exit', () => resolve(true)));
  const running = () => child.pid !== undefined && child.exitCode === null && child.signalCode === null;
  const run: ContainedChild = {
    child,
    end: async (withinMs = 2000) => {
      live.delete(run);
      if (child.pid === undefined) return true;
      if (process.platform === 'win32') return endWindowsTree(child, withinMs);
      return endTree(tree(), withinMs);
    },
    stop: async (graceMs, ask = () => child.kill('SIGTERM')) => {
      let inTime = true;
      if (running()) {
        ask();
        const late = new Promise<boolean>((resolve) => setTimeout(resolve, graceMs, false).unref());
        inTime = await Promise.race([exited, late]);
      }
      await run.end();
      return inTime;
    },
  };
  live.set(run, tree());
  return run;
}

/** Windows has no process groups to kill: taskkill ends the tree its parent links still show. */
async function endWindowsTree(child: ChildProcess, withinMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return true;
  await new Promise((resolve) =>
    execFile('taskkill', ['/pid', String(child.pid), '/T', '/F'], { timeout: withinMs }, () => resolve(undefined)),
  );
  return child.exitCode !== null || child.signalCode !== null;
}

// When this process ends, so must every run it started (a detached group outlives us otherwise).
process.on('exit', () => {
  for (const tree of live.values()) killTree(tree);
});

/**
 * Kills what is left of runs whose starter was killed too hard to clean up (kill -9): their
 * mark names the starter, and it no longer runs. Linux only, where environments can be read.
 */
export function endOrphanedRuns(): void {
  const alive = processTable().filter((info) => !info.ended);
  for (const [pid, value] of markedValues(RUN_MARK, alive)) {
    const starter = Number(value.split('-')[0]);
    if (starter && starter !== process.pid && !isRunning(starter))
      killTree({ root: pid, mark: { name: RUN_MARK, value } });
  }
}
