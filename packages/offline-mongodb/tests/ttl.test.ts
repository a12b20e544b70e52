// TTL indexes remove expired documents, as mongod's TTL monitor does every 60 s (here
// every 50 ms, so the test stays fast): through the driver and Mongoose's `expires`.
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type RunningStandin } from '../src/server.ts';

let standin: RunningStandin;
let client: MongoClient;

beforeAll(async () => {
  standin = await startStandin({ ttlMonitorMs: 50 });
  client = await MongoClient.connect(`${standin.uri}/ttl`);
});
afterAll(async () => {
  await client.close();
  await standin.stop();
});

/** Polls `count` until it gives `wanted` or two seconds pass; returns the last count. */
async function eventually(count: () => Promise<number>, wanted: number): Promise<number> {
  let last = await count();
  for (let tries = 0; tries < 40 && last !== wanted; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await count();
  }
  return last;
}

describe('an index with expireAfterSeconds', () => {
  it('removes the documents whose date is older, and keeps the rest', async () => {
    const sessions = client.db('ttl').collection('sessions');
    await sessions.createIndex({ createdAt: 1 }, { expireAfterSeconds: 60 });
    const hourAgo = new Date(Date.now() - 3_600_000);
    await sessions.insertMany([{ createdAt: hourAgo }, { createdAt: new Date() }, { createdAt: 'not a date' }]);
    expect(await eventually(() => sessions.countDocuments(), 2)).toBe(2);
    expect(await sessions.countDocuments({ createdAt: hourAgo })).toBe(0);
  });

  it('refuses a negative expireAfterSeconds with CannotCreateIndex (67)', async () => {
    await expect(
      client.db('ttl').collection('bad').createIndex({ at: 1 }, { expireAfterSeconds: -1 }),
    ).rejects.toMatchObject({ code: 67 });
  });
});

describe('Mongoose `expires`', () => {
  it('creates a TTL index that removes expired documents', async () => {
    const connection = await mongoose.createConnection(`${standin.uri}/ttl`).asPromise();
    const Code = connection.model('Code', new mongoose.Schema({ code: String, at: { type: Date, expires: '1m' } }));
    await Code.init();
    expect((await Code.listIndexes()).find((index) => index.name === 'at_1')).toMatchObject({ expireAfterSeconds: 60 });
    await Code.create([
      { code: 'old', at: new Date(Date.now() - 120_000) },
      { code: 'new', at: new Date() },
    ]);
    expect(await eventually(() => Code.countDocuments(), 1)).toBe(1);
    expect((await Code.findOne().lean())!.code).toBe('new');
    await connection.close();
  });
});
