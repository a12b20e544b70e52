// @ts-check
// The check's vitest, made in one place: from vitest.config.ts with the run's plan in
// PLAYGROUND_CHECK, printing nothing, our reporter its only one. Run as a process of its own
// (the menu, watch mode, `npm test`), it hands vitest to the host (host/run-host.ts), loaded
// through Vite, over IPC; a one-off `check` makes it in its own process (cli-entry.mjs).
//
// Plain JavaScript, for a measured reason: under tsx's loader hooks, importing vitest/node
// takes 720 ms instead of 210 ms (Node 20, the 2-core reference machine), and the database
// stand-in 850 ms instead of about 300 ms through Vite. Everything else is TypeScript,
// loaded by Vite (with vitest's module cache on disk).
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

/** Makes the check's vitest, ready to run the plan in PLAYGROUND_CHECK. */
export async function makeVitest() {
  const { createVitest } = await import('vitest/node');
  const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
  const before = signalListeners();
  const vitest = await createVitest(
    'test',
    { watch: false, reporters: [fileURLToPath(new URL('./reporter.ts', import.meta.url))] },
    // The check decides when to run; Vite need not watch anything.
    { server: { watch: null } },
    { stdout: silent, stderr: silent },
  );
  await vitest.standalone();
  // Vitest and Vite exit at once on these signals (Vite also when stdin ends): their way out
  // would skip dropping the run's databases. Only theirs go; the playground's own ending
  // (src/processes/shutdown.ts) and anyone else's stay.
  for (const [emitter, event, listeners] of signalListeners()) {
    const kept = before.find(([other, name]) => other === emitter && name === event)?.[2] ?? [];
    for (const listener of listeners) if (!kept.includes(listener)) emitter.off(event, listener);
  }
  return vitest;
}

/** @returns {[NodeJS.EventEmitter, string, Function[]][]} */
function signalListeners() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'].map((name) => [process, name, process.listeners(name)]);
  return [...signals, [process.stdin, 'end', process.stdin.listeners('end')]];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Until the host is loaded, a check that goes away takes this whole process group with it.
  // Written here, not taken from src/processes/ (TypeScript, which this file loads no loader for);
  // on Windows, which has no groups, the kill throws and this process exits alone.
  const leave = () => {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      process.exit(1);
    }
  };
  process.once('disconnect', leave);
  const vitest = await makeVitest();
  /** @type {typeof import('./host/run-host.ts')} */
  const host = await vitest.import(fileURLToPath(new URL('./host/run-host.ts', import.meta.url)));
  process.off('disconnect', leave);
  await host.hostOverIpc(vitest, JSON.parse(process.env.PLAYGROUND_CHECK ?? '{}').warm === true);
  // Without a check to end the run (it went away), the run ends itself.
  if (!process.connected) leave();
  process.exit(0);
}
