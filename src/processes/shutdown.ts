// How the playground's own processes end when something outside asks them to: Ctrl-C, SIGTERM
// (an editor's stop button, a process manager), SIGHUP (the terminal closed), or npm going
// away under us. Each runs the cleanups registered with onShutdown (stop the checks, drop the
// run's database, stop an app) for at most a moment, then exits; a second signal exits at once.
import { isRunning, parentOf, shellWakeUps } from './process-table.ts';

type Cleanup = () => Promise<unknown> | unknown;

/** Within the 2 s a stopped playground has to be gone, with room left for the exit itself. */
const graceMs = 1500;
const cleanups = new Set<Cleanup>();
let ending: Promise<never> | undefined;

/** Runs `cleanup` when the process is asked to end; the returned function forgets it again. */
export function onShutdown(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Is the process ending (asked from outside)? What it still finishes meanwhile is not news to anyone. */
export function shuttingDown(): boolean {
  return ending !== undefined;
}

/** Runs every cleanup (at most graceMs), then exits with `code`. */
function shutdown(code: number): Promise<never> {
  return (ending ??= (async () => {
    const all = Promise.allSettled([...cleanups].map(async (cleanup) => cleanup()));
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    process.exit(code);
  })());
}

/**
 * Ends the process cleanly on SIGINT, SIGTERM, SIGHUP, a closed output, or when npm went away.
 * The exit code says which signal (130, 143, 129), unless `stopIsSuccess` (a server that runs
 * until it is stopped: being stopped is how it ends well).
 */
export function endOnSignals(options: { stopIsSuccess?: boolean } = {}): void {
  const codes: [NodeJS.Signals, number][] = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  for (const [name, signalCode] of codes) {
    const code = options.stopIsSuccess ? 0 : signalCode;
    process.on(name, () => {
      if (ending) process.exit(code);
      void shutdown(code);
    });
  }
  // Writing to a terminal or pipe that is gone: nobody reads us any more.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => void shutdown(129));
  watchLauncher();
}

/**
 * Under `npm run`, npm starts a shell that starts us, and passes SIGINT and SIGTERM to that
 * shell only; the shell passes nothing on. After a SIGTERM npm exits without waiting: when
 * npm or the shell is gone, we go too. After a SIGINT npm waits: the only trace is the shell
 * waking up, which a shell waiting for us does for nothing but a signal (Linux counts its
 * wake-ups in /proc; elsewhere this part is skipped).
 */
function watchLauncher(): void {
  // Our parent as cli-entry.mjs saw it first thing, a second or so before a check gets here: a
  // SIGTERM to npm meanwhile took the shell away, and must end us too. Read once and forgotten:
  // the processes this one starts have parents of their own.
  const parentAtStart = Number(process.env.PLAYGROUND_PARENT_AT_START) || undefined;
  delete process.env.PLAYGROUND_PARENT_AT_START;
  if (!process.env.npm_lifecycle_event || process.platform === 'win32') return;
  const shell = parentAtStart ?? process.ppid;
  const npm = parentOf(shell);
  // npm's shell gone already, in our first moments (a SIGTERM to npm). Only a shell can be our
  // parent under npm, never init; npm itself may be pid 1 (a container's command).
  if (shell === 1) return void shutdown(143);
  const wakeUps = shellWakeUps(shell);
  const timer = setInterval(() => {
    if (process.ppid !== shell || (npm !== undefined && npm > 1 && !isRunning(npm))) void shutdown(143);
    else if (wakeUps !== undefined && (shellWakeUps(shell) ?? wakeUps) > wakeUps) void shutdown(130);
  }, 250);
  timer.unref();
}

/**
 * For a child the runner started (a lesson's app, the sandbox: runner/child-group.ts), which
 * stops at Ctrl-C, SIGTERM, SIGHUP, the runner's "stop" or "restart" (a restart after a save),
 * or when the runner is gone: `stop` runs once, and exits; a second request exits at once.
 */
export function stopWhenAsked(stop: (why: 'stop' | 'restart') => Promise<never>): void {
  let stopping = false;
  const ask = (why: 'stop' | 'restart') => {
    if (stopping) process.exit(130);
    stopping = true;
    void stop(why);
  };
  for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(name, () => ask('stop'));
  process.on('message', (message) => (message === 'stop' || message === 'restart') && ask(message));
  process.on('disconnect', () => ask('stop')); // the runner is gone: do not outlive it
}
