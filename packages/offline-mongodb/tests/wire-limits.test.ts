// What one connection can make the stand-in hold in memory: a message over mongod's
// maxMessageSizeBytes is refused, one that stops arriving is given up on, replies nobody
// reads wait instead of piling up, and what a connection held is let go when it closes.
import { connect, type Socket } from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { BSON } from 'bson';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type RunningStandin } from '../src/server.ts';

let standin: RunningStandin;
let client: MongoClient;

beforeAll(async () => {
  standin = await startStandin();
  client = await MongoClient.connect(`${standin.uri}/wire`);
});
afterAll(async () => {
  await client.close();
  await standin.stop();
});

// Test-only: the stand-in runs in this process, so its memory is measured here after a full collection.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;
function bufferMb(): number {
  collectGarbage();
  return process.memoryUsage().arrayBuffers / 1024 / 1024;
}

/** The growth over `before` once `done` accepts it, or after five seconds (bytes and closes take event-loop turns). */
async function growthOnce(before: number, done: (growth: number) => boolean): Promise<number> {
  for (let tries = 0; tries < 50 && !done(bufferMb() - before); tries++)
    await new Promise((resolve) => setTimeout(resolve, 100));
  return bufferMb() - before;
}

function sent(socket: Socket, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => socket.write(bytes, () => resolve()));
}

function openSocket(port = standin.port): Promise<Socket> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', () => {});
  });
}

function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
}

function header(length: number): Buffer {
  const head = Buffer.alloc(16);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(2013, 12);
  return head;
}

function findMessage(requestId: number): Buffer {
  const body = BSON.serialize({ find: 'big', filter: {}, batchSize: 200, $db: 'wire' });
  const message = Buffer.alloc(21 + body.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestId, 4);
  message.writeInt32LE(2013, 12);
  message.set(body, 21);
  return message;
}

describe('a message over 48,000,000 bytes', () => {
  it('is refused by closing that connection at its header', async () => {
    const socket = await openSocket();
    socket.write(header(48_000_001));
    await closed(socket);
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
  });
});

describe('a message that stops arriving halfway', () => {
  it('closes its connection once frameTimeoutMs has passed', async () => {
    const impatient = await startStandin({ frameTimeoutMs: 300 });
    const socket = await openSocket(impatient.port);
    socket.write(header(1_000_000));
    socket.write(Buffer.alloc(1000));
    const started = performance.now();
    await closed(socket);
    expect(performance.now() - started).toBeGreaterThanOrEqual(250);
    await impatient.stop();
  });

  it('lets go of what unfinished messages held once their connections close', async () => {
    const before = bufferMb();
    const sockets = await Promise.all(Array.from({ length: 4 }, openSocket));
    const start = (socket: Socket) =>
      sent(socket, Buffer.concat([header(40 * 1024 * 1024), Buffer.alloc(30 << 20, 1)]));
    await Promise.all(sockets.map(start));
    // Now only the stand-in holds those bytes: four unfinished messages of 30 MB so far.
    expect(await growthOnce(before, (growth) => growth > 100)).toBeGreaterThan(100);
    for (const socket of sockets) socket.destroy();
    await Promise.all(sockets.map(closed));
    expect(await growthOnce(before, (growth) => growth < 20)).toBeLessThan(20);
  });
});

describe('a big unfinished message whose connection closes', () => {
  it('is given back within a few seconds, though nothing else asks for a collection', async () => {
    const uncollectedMb = () => process.memoryUsage().arrayBuffers / 1024 / 1024;
    const before = bufferMb();
    const socket = await openSocket();
    await sent(socket, header(40 * 1024 * 1024));
    const megabyte = Buffer.alloc(1 << 20, 1);
    for (let mb = 0; mb < 30; mb++) await sent(socket, megabyte);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(uncollectedMb() - before).toBeGreaterThan(25);
    socket.destroy();
    await closed(socket);
    let growth = uncollectedMb() - before;
    for (let tries = 0; tries < 50 && growth > 10; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      growth = uncollectedMb() - before;
    }
    expect(growth).toBeLessThan(10);
  });
});

describe('replies a client does not read', () => {
  it('are held back rather than buffered: 100 pipelined finds of 15 MB hold about one', async () => {
    const big = client.db('wire').collection('big');
    await big.insertMany(Array.from({ length: 100 }, (_, i) => ({ i, pad: 'x'.repeat(150_000) })));
    const before = bufferMb();
    const socket = await openSocket();
    socket.pause();
    for (let i = 0; i < 100; i++) socket.write(findMessage(i));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bufferMb() - before).toBeLessThan(100);
    expect(await client.db('admin').command({ ping: 1 })).toMatchObject({ ok: 1 });
    socket.destroy();
    await closed(socket);
    expect(await growthOnce(before, (growth) => growth < 20)).toBeLessThan(20);
  });
});
