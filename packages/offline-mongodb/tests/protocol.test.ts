// The stand-in speaks MongoDB's wire protocol: the handshake drivers need, and
// bad input that closes only the offending connection.
import { connect, type Socket } from 'node:net';
import { BSON } from 'bson';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('protocol', { dropBeforeEach: false });

function opMsg(body: object, requestId = 1, flags = 0): Buffer {
  const doc = BSON.serialize(body);
  const checksum = flags & 1 ? 4 : 0;
  const message = Buffer.alloc(21 + doc.length + checksum);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestId, 4);
  message.writeInt32LE(2013, 12);
  message.writeUInt32LE(flags, 16);
  message[20] = 0;
  message.set(doc, 21);
  return message;
}

function opQuery(namespace: string, query: object): Buffer {
  const ns = Buffer.from(namespace + '\0');
  const doc = BSON.serialize(query);
  const head = Buffer.alloc(20);
  const tail = Buffer.alloc(8);
  tail.writeInt32LE(-1, 4);
  const message = Buffer.concat([head, ns, tail, doc]);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(7, 4);
  message.writeInt32LE(2004, 12);
  return message;
}

/** Sends raw bytes and resolves with everything received until the server closes (or a reply arrives). */
function exchange(bytes: Buffer, waitForClose: boolean): Promise<{ data: Buffer; closed: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket: Socket = connect(mongo.standin.port, '127.0.0.1', () => socket.write(bytes));
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      const data = Buffer.concat(chunks);
      if (!waitForClose && data.length >= 4 && data.length >= data.readInt32LE(0)) {
        socket.destroy();
        resolve({ data, closed: false });
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => resolve({ data: Buffer.concat(chunks), closed: true }));
  });
}

async function serverStillAnswers(): Promise<void> {
  expect(await mongo.client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
}

describe('handshake', () => {
  it('reports a writable primary speaking a modern wire version', async () => {
    const hello = await mongo.client.db('admin').command({ hello: 1 });
    expect(hello).toMatchObject({
      isWritablePrimary: true,
      ismaster: true,
      minWireVersion: 0,
      maxWireVersion: 21,
      maxBsonObjectSize: 16777216,
      maxMessageSizeBytes: 48000000,
      maxWriteBatchSize: 100000,
      logicalSessionTimeoutMinutes: 30,
      ok: 1,
    });
    expect(hello.localTime).toBeInstanceOf(Date);
    expect(typeof hello.connectionId).toBe('number');
  });

  it('says it is version 7.0.0 in buildInfo', async () => {
    expect((await mongo.client.db('admin').command({ buildInfo: 1 })).version).toBe('7.0.0');
  });

  it('answers the legacy OP_QUERY isMaster with an OP_REPLY', async () => {
    const { data } = await exchange(opQuery('admin.$cmd', { isMaster: 1 }), false);
    expect(data.readInt32LE(12)).toBe(1); // OP_REPLY
    expect(data.readInt32LE(8)).toBe(7); // responseTo
    const reply = BSON.deserialize(data.subarray(36));
    expect(reply).toMatchObject({ ismaster: true, ok: 1 });
  });

  it('tolerates the OP_MSG checksum flag', async () => {
    const { data } = await exchange(opMsg({ ping: 1, $db: 'admin' }, 3, 1), false);
    expect(BSON.deserialize(data.subarray(21))).toMatchObject({ ok: 1 });
  });

  it('reassembles a message that arrives in several pieces', async () => {
    const message = opMsg({ ping: 1, $db: 'admin' }, 9);
    const reply = await new Promise<Buffer>((resolve) => {
      const socket = connect(mongo.standin.port, '127.0.0.1', async () => {
        for (const piece of [message.subarray(0, 2), message.subarray(2, 19), message.subarray(19)]) {
          socket.write(piece);
          await new Promise((done) => setTimeout(done, 10));
        }
      });
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data);
      });
    });
    expect(reply.readInt32LE(8)).toBe(9);
    expect(BSON.deserialize(reply.subarray(21))).toMatchObject({ ok: 1 });
  });

  it('fails unknown commands with CommandNotFound', async () => {
    await expect(mongo.client.db('protocol').command({ xyz: 1 })).rejects.toMatchObject({
      code: 59,
      codeName: 'CommandNotFound',
      message: "no such command: 'xyz'",
    });
  });
});

describe('malformed messages', () => {
  const cases: [string, () => Buffer][] = [
    ['a length smaller than a header', () => Buffer.from([8, 0, 0, 0, 0, 0, 0, 0])],
    [
      'a length beyond maxMessageSizeBytes',
      () => {
        const b = Buffer.alloc(16);
        b.writeInt32LE(60_000_000, 0);
        return b;
      },
    ],
    [
      'an unknown opcode',
      () => {
        const b = opMsg({ ping: 1, $db: 'admin' });
        b.writeInt32LE(9999, 12);
        return b;
      },
    ],
    [
      'undecodable BSON',
      () => {
        const b = opMsg({ ping: 1, $db: 'admin' });
        b.writeInt32LE(1000, 21); // the document claims to be longer than the message
        return b;
      },
    ],
    [
      'an unknown section kind',
      () => {
        const b = opMsg({ ping: 1, $db: 'admin' });
        b[20] = 7;
        return b;
      },
    ],
  ];

  for (const [name, build] of cases) {
    it(`closes the connection on ${name} and keeps serving others`, async () => {
      const { closed } = await exchange(build(), true);
      expect(closed).toBe(true);
      await serverStillAnswers();
    });
  }

  it('survives a client that sends half a message and disconnects', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(mongo.standin.port, '127.0.0.1', () => {
        socket.write(opMsg({ ping: 1, $db: 'admin' }).subarray(0, 10));
        socket.destroy();
        resolve();
      });
    });
    await serverStillAnswers();
  });
});
