// One client socket: cuts the byte stream into messages, answers them in order, and
// closes (only this socket) on anything malformed, so one bad client never hurts others.
// A client that stops reading its replies is not read from either until it catches up,
// and a message that stops arriving halfway is given up on after a while.
import type { Socket } from 'node:net';
import { calculateObjectSize } from 'bson';
import { runCommand } from './commands.ts';
import { bsonTooLarge } from './document-limits.ts';
import type { Doc } from './document-paths.ts';
import { FrameReader } from './frame-reader.ts';
import { droppedBuffers } from './memory-return.ts';
import type { ServerState } from './server-state.ts';
import { encodeReply, MAX_BSON_BYTES, parseRequest, type Request } from './wire-protocol.ts';

/** Serves one socket until it closes. */
export function serveConnection(socket: Socket, state: ServerState, connectionId: number): void {
  const reader = new FrameReader();
  const queue: Buffer[] = [];
  let answering = false;
  let stall: { timer: NodeJS.Timeout; frame: number } | undefined;

  // A socket error (reset by peer, ...) only ends this connection.
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    let dropped = reader.release();
    for (const frame of queue) dropped += frame.length;
    queue.length = 0;
    stopStallTimer();
    droppedBuffers(dropped);
  });
  socket.setNoDelay(true);

  socket.on('data', (chunk: Buffer) => {
    try {
      for (const frame of reader.push(chunk)) queue.push(frame);
    } catch {
      socket.destroy();
      return;
    }
    watchForStall();
    if (!answering) void answerQueued();
  });

  async function answerQueued(): Promise<void> {
    answering = true;
    try {
      while (queue.length > 0 && !socket.destroyed) {
        let reply = answer(queue.shift()!);
        if (reply instanceof Promise) reply = await whilePaused(reply);
        // Replies the client is not reading wait here, not in memory: nothing more is read meanwhile.
        if (reply && !socket.write(reply)) await whilePaused(drained());
      }
    } catch {
      socket.destroy();
    } finally {
      answering = false;
    }
  }

  function answer(message: Buffer): Buffer | undefined | Promise<Buffer | undefined> {
    const request = parseRequest(message);
    const db = typeof request.command.$db === 'string' ? request.command.$db : (request.legacyDb ?? 'admin');
    const reply = runCommand({ ...state, db, body: request.command, connectionId, messageBytes: message.length });
    if (reply instanceof Promise)
      return reply.then((done) => (request.noReply ? undefined : encodeOrRefuse(request, done)));
    return request.noReply ? undefined : encodeOrRefuse(request, reply);
  }

  async function whilePaused<T>(work: Promise<T>): Promise<T> {
    socket.pause();
    stopStallTimer();
    try {
      return await work;
    } finally {
      if (!socket.destroyed) {
        socket.resume();
        watchForStall();
      }
    }
  }

  function drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        socket.off('drain', done);
        socket.off('close', done);
        resolve();
      };
      socket.on('drain', done);
      socket.on('close', done);
    });
  }

  // A message must arrive whole within frameTimeoutMs of its first bytes (while we are reading).
  function watchForStall(): void {
    if (!reader.midMessage || socket.isPaused()) {
      stopStallTimer();
      return;
    }
    if (stall?.frame === reader.completed) return;
    stopStallTimer();
    const frame = reader.completed;
    const timer = setTimeout(() => {
      if (reader.midMessage && reader.completed === frame) socket.destroy();
    }, state.settings.frameTimeoutMs);
    timer.unref();
    stall = { timer, frame };
  }

  function stopStallTimer(): void {
    if (stall) clearTimeout(stall.timer);
    stall = undefined;
  }
}

// A reply too large to encode (one no command refused first) is answered with mongod's
// BSONObjectTooLarge, so the client gets an error instead of a closed connection.
function encodeOrRefuse(request: Request, reply: Doc): Buffer {
  try {
    return encodeReply(request, reply);
  } catch (error) {
    const size = calculateObjectSize(reply);
    if (size <= MAX_BSON_BYTES) throw error;
    return encodeReply(request, bsonTooLarge(size).toReply());
  }
}
