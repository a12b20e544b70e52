// The warm server's side of warm-gate.ts: a Unix socket where a prepared test run
// waits, and the word that lets it go (or sends it away).
import { createServer, type Socket } from 'node:net';
import { rmSync } from 'node:fs';

export interface GateServer {
  /** The socket path, for PLAYGROUND_WARM_GATE. */
  path: string;
  /** Lets the waiting run start, now or as soon as it arrives. */
  open(): void;
  /** Sends the waiting run away (its results are not wanted). */
  abort(): void;
  /** Forgets the last decision, for the next prepared run. */
  reset(): void;
}

/** Listens at `socketPath` (the check's scratch folder keeps it and removes it). */
export async function startGateServer(socketPath: string): Promise<GateServer> {
  // Left by a warm server killed at the time limit.
  rmSync(socketPath, { force: true });
  let waiting: Socket | undefined;
  let decision: 'go' | 'abort' | undefined;

  const tell = (socket: Socket, word: 'go' | 'abort') => {
    socket.end(word);
    waiting = undefined;
  };
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    if (decision) tell(socket, decision);
    else waiting = socket;
  });
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
  server.unref();

  const decide = (word: 'go' | 'abort') => {
    decision = word;
    if (waiting) tell(waiting, word);
  };
  return {
    path: socketPath,
    open: () => decide('go'),
    abort: () => decide('abort'),
    reset: () => {
      decision = undefined;
      waiting = undefined;
    },
  };
}
