// The host of a check: lives in the process that runs vitest, loaded through Vite (never
// tsx), and does what vitest does not. It opens the check channel the test workers join,
// gives each worker a database of its own, ends a worker that reports itself stuck (with
// everything it started), notices a worker the learner's code ended, and runs the plan:
// once, or (warm) again and again, each next run prepared and waiting for go.
// What it sees goes to the check through `send`: the reporter's messages and its own.
import diagnostics from 'node:diagnostics_channel';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Vitest } from 'vitest/node';
import { localSocketPath } from '../../processes/local-socket.ts';
import { endTree, markDescendants } from '../../processes/process-tree.ts';
import { isEngineProject } from '../plan.ts';
import { reporterChannel } from '../reporter.ts';
import { fatalReportPath, type HostMessage, type HostRequest, type ReporterMessage } from '../wire.ts';
import { openCheckChannel, type WorkerLink } from './check-channel.ts';
import { HostDatabase } from './host-database.ts';

/** How the host talks with the check: over IPC (hostOverIpc), or by calls in one process (check-host.ts). */
interface HostConnection {
  /** Sends a message to the check. */
  send(message: HostMessage): void;
  /** Registers the handler of the check's requests. */
  onRequest(handler: (request: HostRequest) => void): void;
}

/**
 * Runs the plan vitest was made with; resolves when the host ends (once: after the run;
 * warm: at the check's `end`). Must start before vitest's first run: it provides the
 * channel's address to the workers.
 */
export async function runHost(vitest: Vitest, connection: HostConnection, warm: boolean): Promise<void> {
  // The workers, and all the learner's code starts, carry a mark that no cleared environment,
  // new session or double fork loses: a worker's end also ends what escaped it.
  markDescendants();
  const database = new HostDatabase();
  const databases = new Map<WorkerLink, string>();
  const endedByUs = new Set<number>();
  const workers = new Set<WorkerLink>();
  let prepared: WorkerLink | undefined;
  let ending = false;

  const forward = (message: unknown) => connection.send(message as ReporterMessage);
  diagnostics.subscribe(reporterChannel, forward);

  const address = localSocketPath(tmpdir(), `check-${process.pid}`);
  const channel = await openCheckChannel(address, {
    async onWorker(link) {
      // A stop is under way: a worker vitest starts now gets no database to leave behind.
      if (ending) return link.refuse('The check is stopping.');
      workers.add(link);
      try {
        const services = await database.services();
        databases.set(link, services.dbName);
        link.sendServices(services);
      } catch (error) {
        // The worker's lesson setup fails with this: the learner reads why the database did not start.
        return link.refuse(error instanceof Error ? error.message : String(error));
      }
      if (!warm) return link.go();
      prepared = link;
      connection.send({ type: 'prepared' });
    },
    onStuck(link) {
      connection.send({ type: 'verdict', project: link.project, verdict: { stuck: link.stuck, during: link.running } });
      endedByUs.add(link.pid);
      void endWorker(link);
    },
    onClosed(link) {
      workers.delete(link);
      // The worker is gone; what the learner's code started from it (a detached child, a
      // server) goes too, now: in watch and the menu the host lives on, and they would pile up.
      if (!endedByUs.has(link.pid)) void endWorker(link);
      const outOfMemory = diedOfMemory(link.pid);
      if (outOfMemory && !ending)
        connection.send({ type: 'verdict', project: link.project, verdict: { outOfMemory, during: link.running } });
      else if (link.running !== undefined && !endedByUs.has(link.pid) && !ending)
        connection.send({
          type: 'verdict',
          project: link.project,
          verdict: { endedItself: true, during: link.running },
        });
      if (prepared === link) prepared = undefined;
      const dbName = databases.get(link);
      databases.delete(link);
      if (dbName) void database.drop(dbName);
    },
  });
  vitest.provide('checkChannel', address);

  let endNow!: () => void;
  const ended = new Promise<void>((resolve) => (endNow = resolve));
  connection.onRequest((request) => {
    if (request.type === 'end') endNow();
    if (request.type === 'go' && prepared) {
      for (const file of request.files) vitest.invalidateFile(file);
      prepared.go();
      prepared = undefined;
    }
  });

  const specifications = await vitest.globTestSpecifications();
  const runs = (async () => {
    do {
      await vitest.runTestSpecifications(specifications, true);
      connection.send({ type: 'run-done' });
    } while (warm && !ending);
  })();
  runs.catch((error: Error) => connection.send({ type: 'host-error', message: error.stack ?? error.message }));
  // Lesson checks need the database soon: it loads while the first worker starts, not before.
  if (vitest.projects.some((project) => !isEngineProject(project.name))) void database.ready().catch(() => undefined);

  await (warm ? ended : Promise.race([runs.catch(() => undefined), ended]));
  ending = true;
  diagnostics.unsubscribe(reporterChannel, forward);
  // Workers still running (a stop mid-check) end before their databases are dropped: a write
  // of theirs after the drop would make the database again, and leave it behind.
  await Promise.all([...workers].map(endWorker));
  await channel.close();
  await database.stop();
}

/** Ends a test worker and all the learner's code started from it (worker/check-setup.ts marks them). */
const endWorker = (link: WorkerLink) =>
  endTree({ root: link.pid, mark: { name: 'PLAYGROUND_WORKER', value: String(link.pid) } });

/** Did the worker `pid` die out of memory? Reads, and removes, the report its Node left (worker/check-setup.ts). */
function diedOfMemory(pid: number): boolean {
  const file = fatalReportPath(pid);
  let report: string;
  try {
    report = readFileSync(file, 'utf8');
  } catch {
    return false;
  }
  rmSync(file, { force: true });
  // "event": "Allocation failed - JavaScript heap out of memory", and V8's other ways of saying it.
  return /"event":\s*"[^"]*out of memory/i.test(report);
}

// A host in a process of its own (vitest-host.mjs: the menu, watch mode, `npm test`) talks to
// the check over the IPC channel.
const unsent = new Set<Promise<void>>();

/** Sends over IPC, remembering the send until the OS has it, so none is lost at exit. */
function send(message: HostMessage): void {
  if (!process.send || !process.connected) return;
  const sent = new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));
  unsent.add(sent);
  void sent.then(() => unsent.delete(sent));
}

/** Runs the host until it ends, then resolves once every message has left. */
export async function hostOverIpc(vitest: Vitest, warm: boolean): Promise<void> {
  let handle: ((request: HostRequest) => void) | undefined;
  process.on('message', (request: HostRequest) => handle?.(request));
  // The check went away (killed, its terminal closed): end as if asked, databases dropped.
  process.once('disconnect', () => handle?.({ type: 'end' }));
  await runHost(vitest, { send, onRequest: (handler) => (handle = handler) }, warm);
  await Promise.all(unsent);
}
