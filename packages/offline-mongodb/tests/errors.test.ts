// Mistakes a learner makes get mongod's own error codes and messages.
import { Long } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('errors');

describe('changing _id', () => {
  it('fails with ImmutableField (66) on $set', async () => {
    const { insertedId } = await mongo.db.collection('e').insertOne({ a: 1 });
    await expect(mongo.db.collection('e').updateOne({ _id: insertedId }, { $set: { _id: 5 } })).rejects.toMatchObject({
      code: 66,
      message: "Performing an update on the path '_id' would modify the immutable field '_id'",
    });
  });

  it('fails with ImmutableField (66) on a replacement with another _id', async () => {
    await mongo.db.collection('e').insertOne({ _id: 1 as never });
    await expect(
      mongo.db.collection('e').replaceOne({ _id: 1 as never }, { _id: 2 as never, a: 1 }),
    ).rejects.toMatchObject({
      code: 66,
    });
  });
});

describe('bad queries and updates', () => {
  it('reports an unknown query operator as BadValue (2)', async () => {
    await mongo.db.collection('e').insertOne({ a: 1 });
    await expect(
      mongo.db
        .collection('e')
        .find({ a: { $bogus: 1 } })
        .toArray(),
    ).rejects.toMatchObject({
      code: 2,
      codeName: 'BadValue',
      message: 'unknown operator: $bogus',
    });
  });

  it('reports an unknown update operator as FailedToParse (9)', async () => {
    await mongo.db.collection('e').insertOne({ a: 1 });
    await expect(mongo.db.collection('e').updateOne({}, { $bogus: { a: 1 } } as never)).rejects.toMatchObject({
      code: 9,
    });
  });

  it('refuses to create a collection that exists (48)', async () => {
    await mongo.db.createCollection('twice');
    await expect(mongo.db.createCollection('twice')).rejects.toMatchObject({ code: 48 });
  });

  it('fails getMore on a cursor that is gone with CursorNotFound (43)', async () => {
    await expect(mongo.db.command({ getMore: Long.fromNumber(12345), collection: 'e' })).rejects.toMatchObject({
      code: 43,
    });
  });
});

describe('a document over the 16 MB limit', () => {
  it('is refused like mongod refuses it, and nothing is saved', async () => {
    // Just over 16 MiB: small enough for the driver to send, too large for MongoDB to keep.
    const tooLarge = { bytes: Buffer.alloc(16 * 1024 * 1024 + 100) };
    await expect(mongo.db.collection('big').insertOne(tooLarge)).rejects.toMatchObject({
      code: 2,
      message: expect.stringContaining('object to insert too large'),
    });
    expect(await mongo.db.collection('big').countDocuments()).toBe(0);
  });

  it("past mongod's 16 KB of slack, is invalid BSON (10334)", async () => {
    const wayTooLarge = { bytes: Buffer.alloc(16 * 1024 * 1024 + 20 * 1024) };
    await expect(mongo.db.collection('big').insertOne(wayTooLarge)).rejects.toMatchObject({
      code: 10334,
      message: expect.stringMatching(/^BSONObj size: \d+ \(0x[0-9A-F]+\) is invalid/),
    });
  });
});

describe('a transaction', () => {
  it('is refused at its first write, as a standalone mongod refuses it, and changes nothing', async () => {
    const session = mongo.client.startSession();
    try {
      await expect(
        session.withTransaction(() => mongo.db.collection('t').insertOne({ a: 1 }, { session })),
      ).rejects.toMatchObject({
        // The driver wraps mongod's code 20 in its own advice, exactly as against a real standalone mongod.
        errorResponse: { originalError: { code: 20, codeName: 'IllegalOperation' } },
      });
    } finally {
      await session.endSession();
    }
    expect(await mongo.db.collection('t').countDocuments()).toBe(0);
  });
});

describe('renaming a collection to a name mongod refuses', () => {
  it('fails with InvalidNamespace (73) and keeps the collection and its documents', async () => {
    await mongo.db.collection('keep').insertOne({ a: 1 });
    await expect(mongo.db.collection('keep').rename('bad$name')).rejects.toMatchObject({ code: 73 });
    expect(await mongo.db.collection('keep').countDocuments()).toBe(1);
  });
});

describe('a $text search', () => {
  it('fails like mongod without a text index (27)', async () => {
    await mongo.db.collection('songs').insertOne({ title: 'Love me like you do' });
    await expect(
      mongo.db
        .collection('songs')
        .find({ $text: { $search: 'love' } })
        .toArray(),
    ).rejects.toMatchObject({
      code: 27,
      codeName: 'IndexNotFound',
      message: 'text index required for $text query',
    });
  });
});

describe('a change stream (Model.watch())', () => {
  it('is refused as a standalone mongod refuses it: it needs a replica set', async () => {
    const stream = mongo.db.collection('songs').watch();
    const failure = new Promise((resolve) => stream.once('error', resolve));
    stream.on('change', () => {}); // starts the stream
    await expect(failure).resolves.toMatchObject({ code: 40573 });
    await stream.close();
  });
});

describe('a cursor over a collection that goes', () => {
  const openCursor = async () => {
    await mongo.db.collection('songs').insertMany(Array.from({ length: 1000 }, (_, n) => ({ n })));
    const cursor = mongo.db.collection('songs').find().batchSize(25);
    await cursor.next();
    return cursor;
  };

  it('ends at its next getMore with QueryPlanKilled (175) once the collection is dropped, as on mongod', async () => {
    const cursor = await openCursor();
    await mongo.db.collection('songs').drop();
    await expect(cursor.toArray()).rejects.toMatchObject({
      code: 175,
      codeName: 'QueryPlanKilled',
      message: expect.stringMatching(/^collection dropped\. UUID [0-9a-f-]{36}$/),
    });
  });

  it('ends the same way once its database is dropped', async () => {
    const cursor = await openCursor();
    await mongo.db.dropDatabase();
    await expect(cursor.toArray()).rejects.toMatchObject({ code: 175, message: /^collection dropped/ });
  });

  it('ends once the collection is renamed, naming both names', async () => {
    const cursor = await openCursor();
    await mongo.db.collection('songs').rename('tracks');
    await expect(cursor.toArray()).rejects.toMatchObject({
      code: 175,
      message: expect.stringMatching(/^collection renamed from 'errors\.songs' to 'errors\.tracks'\. UUID /),
    });
  });

  it('is gone after that getMore: the next one is CursorNotFound (43)', async () => {
    await mongo.db.collection('songs').insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
    const { cursor } = await mongo.db.command({ find: 'songs', batchSize: 1 });
    await mongo.db.collection('songs').drop();
    const getMore = { getMore: Long.fromValue(cursor.id), collection: 'songs' };
    await expect(mongo.db.command(getMore)).rejects.toMatchObject({ code: 175 });
    await expect(mongo.db.command(getMore)).rejects.toMatchObject({ code: 43, codeName: 'CursorNotFound' });
  });

  it('keeps serving a cursor over another collection of the database', async () => {
    const cursor = await openCursor();
    await mongo.db.collection('other').insertOne({ n: 0 });
    await mongo.db.collection('other').drop();
    expect(await cursor.toArray()).toHaveLength(999);
  });
});
