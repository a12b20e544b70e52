// @ts-check
// A vitest in a process of its own for the check (vitest-session.ts): it makes vitest from
// vitest.config.ts with the plan in PLAYGROUND_CHECK_PLAN, then hands it to the host
// (host/run-host.ts), loaded through Vite. PLAYGROUND_HOST_MODE=warm keeps it running.
//
// Plain JavaScript, for a measured reason: under tsx's loader hooks, importing vitest/node
// takes 720 ms instead of 210 ms (Node 20, the 2-core reference machine), and the database
// stand-in 850 ms instead of about 300 ms through Vite. Everything else is TypeScript,
// loaded by Vite (with vitest's module cache on disk).
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createVitest } from 'vitest/node';

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

const silent = new Writable({ write: (_chunk, _encoding, done) => done() });
const vitest = await createVitest(
  'test',
  {
    watch: false,
    reporters: [fileURLToPath(new URL('./reporter.ts', import.meta.url))],
    maxWorkers: Number(process.env.PLAYGROUND_MAX_WORKERS) || undefined,
  },
  // The check decides when to run; Vite need not watch anything.
  { server: { watch: null } },
  { stdout: silent, stderr: silent },
);
await vitest.standalone();
/** @type {typeof import('./host/host-over-ipc.ts')} */
const host = await vitest.import(fileURLToPath(new URL('./host/host-over-ipc.ts', import.meta.url)));
process.off('disconnect', leave);
await host.hostOverIpc(vitest, process.env.PLAYGROUND_HOST_MODE === 'warm');
// Without a check to end the run (it went away), the run ends itself.
if (!process.connected) leave();
process.exit(0);
