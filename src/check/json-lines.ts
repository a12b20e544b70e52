// One JSON value per line over a local socket: how the check and its test workers talk.
import { createInterface } from 'node:readline';
import type { Socket } from 'node:net';

/** Calls `onMessage` with every complete line of `socket`, parsed; lines that are not JSON are dropped. */
export function readJsonLines<Message>(socket: Socket, onMessage: (message: Message) => void): void {
  const lines = createInterface({ input: socket, crlfDelay: Infinity });
  // readline passes on the socket's errors (a reset when the other side was killed); the
  // socket's owner handles them, and unheard here they would crash the process.
  lines.on('error', () => undefined);
  lines.on('line', (line) => {
    if (!line) return;
    let message: Message;
    try {
      message = JSON.parse(line) as Message;
    } catch {
      return;
    }
    onMessage(message);
  });
}

/** Writes `message` as one line; quiet when the socket is already closed. */
export function writeJsonLine(socket: Socket, message: unknown): void {
  if (!socket.destroyed && socket.writable) socket.write(`${JSON.stringify(message)}\n`);
}
