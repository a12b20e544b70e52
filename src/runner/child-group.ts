// Runs a TypeScript entry (a lesson's app, the sandbox) in a contained child process and
// stops it when asked: politely first (the child stops its services and drops its database),
// by force after a grace period or at a second Ctrl-C. Whatever the learner's code does (an
// endless loop, an open handle, a detached process of its own), the runner gets its terminal
// back and nothing is left behind. A signal to the runner stops it the same way.
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';
import { spawnContained } from '../processes/contained-child.ts';
import { makeScratchFolder } from '../processes/scratch-folder.ts';
import { onShutdown } from '../processes/shutdown.ts';
import type { Language } from '../progress/progress-store.ts';
import { listenForStop } from './keys.ts';
import { colourEnabled, paint } from '../terminal/terminal.ts';

// Time the child gets to close its server and stop the services before it is killed:
// within the 2 s a stopped playground has to be gone.
const stopGraceMs = 1200;

const words = {
  en: {
    notStarted: (message: string) => `It could not be started: ${message}`,
    forced: 'It did not stop by itself (an endless loop?), so it was stopped by force.',
    stopping: '(Stopping; press Ctrl-C again to stop at once.)',
  },
  hinglish: {
    notStarted: (message: string) => `Yeh start nahi ho paaya: ${message}`,
    forced: 'Yeh khud band nahi hua (endless loop?), isliye zabardasti band kiya gaya.',
    stopping: '(Band ho raha hai; turant band karne ke liye Ctrl-C phir dabaiye.)',
  },
};

interface ChildGroupOptions {
  language?: Language;
  /** Called with every message the child sends over IPC (the app's { type: 'ready', url }). */
  onMessage?: (message: unknown) => void;
}

/** One contained child: how it ends, and the ways to end it. */
export interface ChildGroup {
  /** The child's exit code (1 when it was killed), once it and everything it started are gone. */
  ended: Promise<number>;
  /** Asks it to stop (to restart: quietly), and ends it (with all it started) after the grace period. */
  stop(why?: 'stop' | 'restart'): Promise<void>;
  /** Ends it at once, with all it started. */
  kill(): Promise<void>;
}

/** Starts `entry` (a .ts file) with `args` in a contained child process. */
export function startInChildGroup(entry: string, args: string[], options: ChildGroupOptions = {}): ChildGroup {
  const said = words[options.language ?? 'en'];
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
  if (options.onMessage) child.on('message', options.onMessage);
  const exitCode = new Promise<number>((resolve) => {
    child.once('error', (error) => {
      console.error(paint('red', said.notStarted(error.message)));
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
  // Anything the child left (a stray process of the learner's code) goes too, and its scratch folder.
  const ended = exitCode.then(async (code) => {
    await run.end();
    scratch.remove();
    return code;
  });
  let stopping: Promise<void> | undefined;
  const stop = (why: 'stop' | 'restart' = 'stop') =>
    (stopping ??= (async () => {
      const inTime = await run.stop(stopGraceMs, () => (child.connected ? child.send(why) : child.kill('SIGTERM')));
      if (!inTime) console.log(paint('yellow', said.forced));
      await ended;
    })());
  const kill = async () => {
    await run.end();
    await ended;
  };
  return { ended, stop, kill };
}

interface ChildRunOptions extends ChildGroupOptions {
  /** Enter and q stop it too (not only Ctrl-C). */
  enterStops: boolean;
}

export interface ChildRunEnd {
  /** The child's exit code (1 when it was killed). */
  code: number;
  /** True when it ended because the learner asked it to stop. */
  stoppedByLearner: boolean;
}

/** The line said at the learner's first stop key. */
export function stoppingLine(language: Language = 'en'): string {
  return paint('dim', words[language].stopping);
}

/** Runs `entry` (a .ts file) with `args` until it ends or the learner stops it. */
export async function runInChildGroup(entry: string, args: string[], options: ChildRunOptions): Promise<ChildRunEnd> {
  const group = startInChildGroup(entry, args, options);
  const forgetShutdown = onShutdown(() => group.stop());
  const keys = listenForStop(
    (times) => {
      if (times > 1) return void group.kill();
      console.log(stoppingLine(options.language));
      void group.stop();
    },
    { keys: options.enterStops },
  );
  const code = await group.ended;
  keys.release();
  forgetShutdown();
  return { code, stoppedByLearner: keys.count() > 0 };
}
