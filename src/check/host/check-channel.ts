// The check's end of the check channel (worker/channel-client.ts is the other): a local
// socket where each lesson test worker says hello, says which test is under way, and waits
// for its services and the word "go". The watchdog of a stuck worker reports here too.
import { createServer, type Server, type Socket } from 'node:net';
import { readJsonLines, writeJsonLine } from '../json-lines.ts';
import type { CheckServices, RunningTest, StuckKind, WorkerMessage } from '../wire.ts';

/** One test worker, as the check sees it. */
export interface WorkerLink {
  project: string;
  pid: number;
  /** The test under way, null while the learner's code loads, undefined between them. */
  running?: RunningTest;
  /** Set when the worker reported itself stuck. */
  stuck?: StuckKind;
  /** The connection closed: the worker ended (or was ended). */
  closed: boolean;
  sendServices(services: CheckServices): void;
  /** Tells the worker its services could not be had, and why. */
  refuse(reason: string): void;
  go(): void;
}

interface CheckChannel {
  close(): Promise<void>;
}

interface ChannelHandlers {
  /** A worker said hello. */
  onWorker(link: WorkerLink): void;
  /** A worker (or its watchdog) reported it is stuck. */
  onStuck(link: WorkerLink): void;
  /** A worker's connection closed. */
  onClosed(link: WorkerLink): void;
}

/** Listens at `address` (see src/processes/local-socket.ts) until close(). */
export async function openCheckChannel(address: string, handlers: ChannelHandlers): Promise<CheckChannel> {
  const byPid = new Map<number, WorkerLink>();
  const sockets = new Set<Socket>();

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    let link: WorkerLink | undefined;
    readJsonLines<WorkerMessage>(socket, (message) => {
      if (message.type === 'hello') {
        link = {
          project: message.project,
          pid: message.pid,
          closed: false,
          sendServices: (services) => writeJsonLine(socket, { type: 'services', services }),
          refuse: (reason) => writeJsonLine(socket, { type: 'no-services', reason }),
          go: () => writeJsonLine(socket, { type: 'go' }),
        };
        byPid.set(message.pid, link);
        handlers.onWorker(link);
      } else if (message.type === 'running' && link) {
        link.running = message.test;
      } else if (message.type === 'idle' && link) {
        link.running = undefined;
      } else if (message.type === 'stuck') {
        // The watchdog has a connection of its own: the pid says whose it is.
        const stuck = byPid.get(message.pid);
        if (stuck && !stuck.stuck) {
          stuck.stuck = message.kind;
          handlers.onStuck(stuck);
        }
      }
    });
    socket.on('close', () => {
      sockets.delete(socket);
      if (!link) return;
      link.closed = true;
      // A long watch starts a worker per run: forget the ones that are gone.
      if (byPid.get(link.pid) === link) byPid.delete(link.pid);
      handlers.onClosed(link);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
