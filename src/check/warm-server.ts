// The warm vitest behind watch mode: a child process that starts vitest once (config,
// Vite's transforms) and keeps the next run of the test file prepared: its worker is
// up, the test's modules are loaded, and it waits at the gate (warm-gate.ts) until the
// check asks for a run after a save. Run by warm-vitest.ts as
// `node --import tsx src/check/warm-server.ts`, with PLAYGROUND_CHECK_PLAN of one entry
// and PLAYGROUND_WARM_GATE, the socket path of the gate.
import { Writable } from 'node:stream';
import { createVitest } from 'vitest/node';
import { projectRoot } from '../lessons/catalog.ts';
import { startGateServer } from './gate-server.ts';
import CheckReporter, { sendOverIpc } from './reporter.ts';
import type { ReporterMessage, WarmRunRequest, WarmServerMessage } from './wire.ts';

const send = (message: WarmServerMessage) => sendOverIpc(message);
const silent = new Writable({ write: (_chunk, _encoding, done) => done() });

/** A run of the test file; its messages reach the check only once it is let go. */
interface PreparedRun {
  live: boolean;
  finished: boolean;
  done: Promise<void>;
}

try {
  const gate = await startGateServer(process.env.PLAYGROUND_WARM_GATE ?? '');
  let current: PreparedRun | undefined;
  const forward = (message: ReporterMessage) => (current?.live ? send(message) : Promise.resolve());

  const vitest = await createVitest(
    'test',
    { root: projectRoot, watch: false, reporters: [new CheckReporter(forward)] },
    // Our own file watching decides when to run; Vite need not watch anything.
    { server: { watch: null } },
    { stdout: silent, stderr: silent },
  );
  await vitest.standalone();
  // The reporter lets go of the channel so a cold run can exit; this process lives on requests.
  process.channel?.ref();
  const specifications = await vitest.globTestSpecifications();

  /** Every module vitest transformed from inside `folders`. */
  const modulesUnder = (folders: string[]) => {
    const found = [];
    for (const project of vitest.projects) {
      for (const environment of Object.values(project.vite.environments)) {
        for (const [file, modules] of environment.moduleGraph.fileToModulesMap) {
          if (folders.some((folder) => file.startsWith(folder))) found.push({ file, modules: [...modules] });
        }
      }
    }
    return found;
  };
  const forget = (files: Iterable<string>) => {
    for (const file of files) {
      vitest.invalidateFile(file);
      vitest.watcher.invalidates.add(file);
    }
  };

  /** Starts a run that waits at the gate (or goes at once when `go`). */
  const prepare = (folders: string[], go: boolean): PreparedRun => {
    forget(modulesUnder(folders).map(({ file }) => file));
    gate.reset();
    if (go) gate.open();
    const run: PreparedRun = { live: go, finished: false, done: Promise.resolve() };
    run.done = vitest
      .runTestSpecifications(specifications, true)
      .then(
        () => undefined,
        (error: Error) => (run.live ? send({ type: 'server-error', message: error.message }) : undefined),
      )
      .finally(() => (run.finished = true));
    current = run;
    return run;
  };

  let queue = Promise.resolve();
  let folders: string[] = [];
  process.on('message', (request: WarmRunRequest) => {
    if (request.type !== 'run') return;
    queue = queue.then(async () => {
      folders = request.folders;
      let run = current;
      // The prepared run already read a learner file (a test that imports it at the top)?
      // Then it holds the old code: send it away and run afresh.
      const readEarly = modulesUnder(folders).some(({ modules }) => modules.some((module) => module.transformResult));
      forget(request.changed);
      if (!run || run.finished || readEarly) {
        gate.abort();
        await run?.done;
        run = prepare(folders, true);
      } else {
        forget(modulesUnder(folders).map(({ file }) => file));
        run.live = true;
        gate.open();
      }
      await run.done;
      await send({ type: 'run-done', runId: request.runId });
      prepare(folders, false);
    });
  });
  await send({ type: 'ready' });
} catch (error) {
  await send({ type: 'server-error', message: (error as Error).stack ?? String(error) });
  process.exit(1);
}
