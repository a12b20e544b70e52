// Runs a TypeScript entry in a child process that leads its own process group, and stops it
// when the learner asks: politely first (the child stops its services), by force after a
// grace period or at a second Ctrl-C. Whatever the learner's code does (an endless loop, an
// open handle, a child process of its own), the runner gets its terminal back and no
// database, storage or port is left behind.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';
import { listenForStop } from './keys.ts';
import { paint } from './terminal.ts';

// Time the child gets to close its server and stop the services before it is killed.
const stopGraceMs = 5_000;

/** node + tsx's loader: what `tsx file.ts` does, without tsx's extra launcher process. */
function tsxCommand(file: string, args: string[] = []): { command: string; args: string[] } {
  let loader: string;
  try {
    loader = import.meta.resolve('tsx');
  } catch {
    loader = new URL('node_modules/tsx/dist/loader.mjs', `file://${path.join(projectRoot, '/')}`).href;
  }
  return { command: process.execPath, args: ['--import', loader, file, ...args] };
}

export interface ChildRunOptions {
  /** Enter and q stop it too (not only Ctrl-C). */
  enterStops: boolean;
}

export interface ChildRunEnd {
  /** The child's exit code (1 when it was killed). */
  code: number;
  /** True when it ended because the learner asked it to stop. */
  stoppedByLearner: boolean;
}

/** Runs `entry` (a .ts file) with `args` until it ends or the learner stops it. */
export async function runInChildGroup(entry: string, args: string[], options: ChildRunOptions): Promise<ChildRunEnd> {
  const { command, args: fullArgs } = tsxCommand(path.relative(projectRoot, entry), args);
  const child = spawn(command, fullArgs, {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Its own group: the terminal's Ctrl-C reaches only us, and one kill reaches everything it started.
    detached: process.platform !== 'win32',
    env: { ...process.env, ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}) },
  });

  const killGroup = () => {
    if (child.pid === undefined) return;
    try {
      if (process.platform === 'win32') child.kill('SIGKILL');
      else process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  // If the runner itself ends, the child must not outlive it.
  process.on('exit', killGroup);

  let graceTimer: NodeJS.Timeout | undefined;
  const keys = listenForStop(
    (times) => {
      if (times > 1) return killGroup();
      console.log(paint('dim', '(Stopping; press Ctrl-C again to stop at once.)'));
      if (child.connected) child.send('stop');
      else child.kill('SIGTERM');
      graceTimer = setTimeout(() => {
        console.log(paint('yellow', 'It did not stop by itself (an endless loop?), so it was stopped by force.'));
        killGroup();
      }, stopGraceMs);
    },
    { keys: options.enterStops },
  );

  const code = await new Promise<number>((resolve) => {
    child.once('error', (error) => {
      console.error(paint('red', `It could not be started: ${error.message}`));
      resolve(1);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });
  clearTimeout(graceTimer);
  keys.release();
  killGroup(); // anything the child left in its group (a stray process of the learner's code) goes too
  process.off('exit', killGroup);
  return { code, stoppedByLearner: keys.count() > 0 };
}
