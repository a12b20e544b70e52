// No single request keeps the stand-in from answering other clients for more than a second:
// long work ends with mongod's MaxTimeMSExpired (50), within maxTimeMS when one is set.
import { describe, expect, it } from 'vitest';
import { useStandinProcess } from './support/standin-process.ts';

const server = useStandinProcess('time_limits');

// Generous against a busy machine, yet far below what the hostile requests would take unbounded.
const SERVED_WITHIN_MS = 1000;

describe('a regular expression that backtracks catastrophically', () => {
  it('answers ^(a+)+$ over 36 a and a "!" without holding up another client', async () => {
    await server.hostile.collection('words').insertOne({ s: 'a'.repeat(36) + '!' });
    const { pingMs, outcome } = await server.pingDuring((db) =>
      db
        .collection('words')
        .find({ s: { $regex: '^(a+)+$' } })
        .toArray(),
    );
    expect(outcome).toEqual([]);
    expect(pingMs).toBeLessThan(SERVED_WITHIN_MS);
  });

  it('ends a backreference pattern V8 cannot run in linear time with MaxTimeMSExpired', async () => {
    await server.hostile.collection('words2').insertOne({ s: 'a'.repeat(36) + '!' });
    const { pingMs, outcome } = await server.pingDuring((db) =>
      db
        .collection('words2')
        .find({ s: { $regex: '^(a+)+\\1$' } })
        .toArray(),
    );
    expect(outcome).toMatchObject({ code: 50, codeName: 'MaxTimeMSExpired' });
    expect(String((outcome as Error).message)).toMatch(/^operation exceeded time limit.*MONGODB_URI/);
    expect(pingMs).toBeLessThan(SERVED_WITHIN_MS);
  });
});

describe('a $lookup self-join of 5,000 documents with let and pipeline', () => {
  const join = [
    {
      $lookup: {
        from: 'people',
        let: { group: '$group' },
        pipeline: [{ $match: { $expr: { $eq: ['$group', '$$group'] } } }],
        as: 'peers',
      },
    },
    { $count: 'n' },
  ];

  it('stops at the default ceiling while another client is still served', async () => {
    const people = Array.from({ length: 5000 }, (_, i) => ({ i, group: i % 50 }));
    await server.hostile.collection('people').insertMany(people);
    const { pingMs, outcome } = await server.pingDuring((db) => db.collection('people').aggregate(join).toArray());
    expect(outcome).toMatchObject({ code: 50 });
    expect(pingMs).toBeLessThan(SERVED_WITHIN_MS);
  });

  it('honours a lower maxTimeMS with mongod’s own message', async () => {
    const started = performance.now();
    const error = await server.hostile
      .collection('people')
      .aggregate(join, { maxTimeMS: 50 })
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 50, message: 'operation exceeded time limit' });
    expect(performance.now() - started).toBeLessThan(SERVED_WITHIN_MS);
  });

  it('leaves the data as it was', async () => {
    expect(await server.hostile.collection('people').countDocuments()).toBe(5000);
  });
});

describe('a big insertMany', () => {
  it('is worked through in slices, so other clients are answered meanwhile', async () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ i, title: `song ${i}`, artist: `artist ${i % 100}` }));
    const { pingMs, outcome } = await server.pingDuring((db) => db.collection('rows').insertMany(rows));
    expect(outcome).toMatchObject({ insertedCount: 200_000 });
    expect(pingMs).toBeLessThan(SERVED_WITHIN_MS);
  });
});

describe('maxTimeMS on find', () => {
  it('ends an expensive filter with MaxTimeMSExpired', async () => {
    const error = await server.hostile
      .collection('rows')
      .find({ $expr: { $gt: [{ $size: { $range: [0, 10_000] } }, 0] } })
      .maxTimeMS(20)
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 50, codeName: 'MaxTimeMSExpired', message: 'operation exceeded time limit' });
  });

  it('still answers an ordinary find afterwards', async () => {
    expect(await server.hostile.collection('rows').findOne({ i: 7 })).toMatchObject({ title: 'song 7' });
  });
});
