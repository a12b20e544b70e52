// One client socket: cuts the byte stream into messages, answers them in order, and
// closes (only this socket) on anything malformed, so one bad client never hurts others.
import type { Socket } from 'node:net';
import type { Catalog } from './catalog.ts';
import { runCommand } from './commands.ts';
import type { Cursors } from './cursors.ts';
import { encodeReply, MAX_MESSAGE_BYTES, parseRequest } from './wire-protocol.ts';

const HEADER_BYTES = 16;

/** Serves one socket until it closes. */
export function serveConnection(
  socket: Socket,
  state: { catalog: Catalog; cursors: Cursors },
  connectionId: number,
): void {
  let pending: Buffer[] = [];
  let pendingBytes = 0;

  // A socket error (reset by peer, ...) only ends this connection.
  socket.on('error', () => socket.destroy());
  socket.setNoDelay(true);

  socket.on('data', (chunk: Buffer) => {
    pending.push(chunk);
    pendingBytes += chunk.length;
    try {
      drain();
    } catch {
      socket.destroy();
    }
  });

  function drain(): void {
    while (pendingBytes >= 4 && !socket.destroyed) {
      if (pending[0].length < 4) pending = [Buffer.concat(pending, pendingBytes)];
      const length = pending[0].readInt32LE(0);
      if (length < HEADER_BYTES + 1 || length > MAX_MESSAGE_BYTES) throw new Error(`bad message length ${length}`);
      // Join chunks only once the whole message is here, so big inserts are copied once.
      if (pendingBytes < length) return;
      const buffer = pending.length === 1 ? pending[0] : Buffer.concat(pending, pendingBytes);
      const message = buffer.subarray(0, length);
      const rest = buffer.subarray(length);
      pending = rest.length ? [rest] : [];
      pendingBytes = rest.length;
      handle(message);
    }
  }

  function handle(message: Buffer): void {
    const request = parseRequest(message);
    const db = typeof request.command.$db === 'string' ? request.command.$db : (request.legacyDb ?? 'admin');
    const reply = runCommand({ ...state, db, body: request.command, connectionId, messageBytes: message.length });
    if (!request.noReply) socket.write(encodeReply(request, reply));
  }
}
