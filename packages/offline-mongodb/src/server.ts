// startStandin: the offline stand-in for mongod, a MongoDB wire-protocol server kept
// in this process's memory. Good enough for learning, not a database product.
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { Catalog } from './catalog.ts';
import { serveConnection } from './connection.ts';
import { Cursors } from './cursors.ts';
import { enableLinearRegexFallback } from './regex-engine.ts';
import type { ServerState, StandinSettings } from './server-state.ts';
import { DEFAULT_TIME_LIMIT_MS } from './time-limit.ts';
import { startTtlMonitor } from './ttl-monitor.ts';

const DEFAULT_SETTINGS: StandinSettings = {
  timeLimitMs: DEFAULT_TIME_LIMIT_MS,
  frameTimeoutMs: 10_000,
  ttlMonitorMs: 60_000,
};

/** A running stand-in server. */
export interface RunningStandin {
  /** mongodb://127.0.0.1:PORT (no database name). */
  uri: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts the stand-in on `port` (0 or omitted: any free port) and resolves once it listens. */
export function startStandin(options: { port?: number } & Partial<StandinSettings> = {}): Promise<RunningStandin> {
  // Loopback only: the stand-in has no authentication, so it must not be reachable from the network.
  const host = '127.0.0.1';
  const { port, ...overrides } = options;
  const settings = { ...DEFAULT_SETTINGS, ...overrides };
  const state: ServerState = { catalog: new Catalog(), cursors: new Cursors(), settings };
  enableLinearRegexFallback();
  const stopTtlMonitor = startTtlMonitor(state.catalog, settings.ttlMonitorMs);
  const sockets = new Set<Socket>();
  let nextConnectionId = 1;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, state, nextConnectionId++);
  });

  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      stopTtlMonitor();
      reject(error);
    });
    server.listen(port ?? 0, host, () => {
      server.removeAllListeners('error');
      const { port } = server.address() as AddressInfo;
      let stopping: Promise<void> | undefined;
      resolve({
        uri: `mongodb://${host}:${port}`,
        port,
        stop: () =>
          (stopping ??= new Promise<void>((done) => {
            stopTtlMonitor();
            server.close(() => done());
            for (const socket of sockets) socket.destroy();
          })),
      });
    });
  });
}
