// Runs a TypeScript entry (a lesson's app, the sandbox) in a contained child process and
// stops it when the learner asks: politely first (the child stops its services and drops its
// database), by force after a grace period or at a second Ctrl-C. Whatever the learner's code
// does (an endless loop, an open handle, a detached process of its own), the runner gets its
// terminal back and nothing is left behind. A signal to the runner stops it the same way.
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';
import { spawnContained } from '../processes/contained-child.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import { onShutdown } from '../processes/shutdown.ts';
import { listenForStop } from './keys.ts';
import { colourEnabled, paint } from './terminal.ts';

// Time the child gets to close its server and stop the services before it is killed:
// within the 2 s a stopped playground has to be gone.
const stopGraceMs = 1200;

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
  // The storage's files go with the run, however it ends. (Not TMPDIR: tsx keeps its cache of
  // transformed files there, and a fresh one each run would make every start slow.)
  const scratch = makeScratchFolder();
  const run = spawnContained(process.execPath, ['--import', 'tsx', path.relative(projectRoot, entry), ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: {
      ...process.env,
      PLAYGROUND_SCRATCH: scratch.path,
      // The child's output is the runner's (inherited), so it follows the runner's colour rule.
      ...(colourEnabled() ? { FORCE_COLOR: '1' } : {}),
    },
  });
  const { child } = run;
  const exited = new Promise<number>((resolve) => {
    child.once('error', (error) => {
      console.error(paint('red', `It could not be started: ${error.message}`));
      resolve(1);
    });
    child.once('exit', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
  });

  /** Asks the child to stop, and ends it (with all it started) after the grace period. */
  const stop = async () => {
    if (child.connected) child.send('stop');
    else child.kill('SIGTERM');
    const inTime = await Promise.race([exited.then(() => true), wait(stopGraceMs).then(() => false)]);
    if (!inTime)
      console.log(paint('yellow', 'It did not stop by itself (an endless loop?), so it was stopped by force.'));
    await run.end();
  };
  const forgetShutdown = onShutdown(stop);
  let stopping: Promise<void> | undefined;
  const keys = listenForStop(
    (times) => {
      if (times > 1) return void run.end();
      console.log(paint('dim', '(Stopping; press Ctrl-C again to stop at once.)'));
      stopping ??= stop();
    },
    { keys: options.enterStops },
  );

  const code = await exited;
  keys.release();
  await stopping;
  // Anything the child left (a stray process of the learner's code) goes too.
  await run.end();
  forgetShutdown();
  scratch.remove();
  return { code, stoppedByLearner: keys.count() > 0 };
}

function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
