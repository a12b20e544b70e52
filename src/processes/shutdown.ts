// How the playground's own processes end when something outside asks them to: Ctrl-C, SIGTERM
// (an editor's stop button, a process manager), SIGHUP (the terminal closed), or npm going
// away under us. Each runs the cleanups registered with onShutdown (stop the checks, drop the
// run's database, stop an app) for at most a moment, then exits; a second signal exits at once.
import { isRunning } from './is-running.ts';
import { parentOf } from './process-table.ts';

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

/** Runs every cleanup (at most graceMs), then exits with `code`. */
export function shutdown(code: number): Promise<never> {
  return (ending ??= (async () => {
    const all = Promise.allSettled([...cleanups].map(async (cleanup) => cleanup()));
    await Promise.race([all, new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
    process.exit(code);
  })());
}

/** Ends the process cleanly on SIGINT, SIGTERM, SIGHUP, a closed output, or when npm went away. */
export function endOnSignals(): void {
  const codes: [NodeJS.Signals, number][] = [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ];
  for (const [name, code] of codes) {
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
 * Under `npm run`, npm starts a shell that starts us. A SIGTERM makes npm pass it to that shell
 * and exit without waiting, and the shell passes nothing on: we would run on, orphaned. So
 * when the shell or npm is gone, we go too.
 */
function watchLauncher(): void {
  if (!process.env.npm_lifecycle_event || process.platform === 'win32') return;
  const shell = process.ppid;
  const npm = parentOf(shell);
  const timer = setInterval(() => {
    if (process.ppid !== shell || (npm !== undefined && npm > 1 && !isRunning(npm))) void shutdown(143);
  }, 250);
  timer.unref();
}
