// The check's line-by-line channel (src/check/json-lines.ts) survives the other side being
// killed: a connection reset ends the reading, never the process.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { readJsonLines } from '../../src/check/json-lines.ts';

describe('readJsonLines', () => {
  it('reads each line as JSON, and a reset from the other side only closes the socket', async () => {
    const server = createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write('{"type":"hello"}\nnot json\n');
      setTimeout(() => socket.resetAndDestroy(), 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', onUncaught);
    try {
      const socket: Socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
      socket.on('error', () => undefined);
      const messages: unknown[] = [];
      readJsonLines(socket, (message) => messages.push(message));
      await new Promise((resolve) => socket.once('close', resolve));
      await new Promise((resolve) => setImmediate(resolve));
      expect(messages).toEqual([{ type: 'hello' }]);
      expect(uncaught).toEqual([]);
    } finally {
      process.off('uncaughtException', onUncaught);
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
