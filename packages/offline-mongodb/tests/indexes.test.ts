// Indexes on the stand-in: unique (also compound and sparse) enforced like mongod,
// listed and dropped like mongod.
import { MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('indexes');

describe('createIndexes and listIndexes', () => {
  it('always lists the _id index first, then the created ones with mongod names', async () => {
    await mongo.db.collection('s').createIndex({ email: 1 }, { unique: true });
    await mongo.db.collection('s').createIndex({ a: 1, b: -1 });
    const indexes = await mongo.db.collection('s').listIndexes().toArray();
    expect(indexes.map((i) => i.name)).toEqual(['_id_', 'email_1', 'a_1_b_-1']);
    expect(indexes[1]).toMatchObject({ v: 2, key: { email: 1 }, unique: true });
  });

  it('fails to list the indexes of a missing collection with NamespaceNotFound', async () => {
    await expect(mongo.db.collection('nope').listIndexes().toArray()).rejects.toMatchObject({ code: 26 });
  });

  it('refuses a unique index over existing duplicates', async () => {
    await mongo.db.collection('s').insertMany([{ email: 'x' }, { email: 'x' }]);
    const error = await mongo.db
      .collection('s')
      .createIndex({ email: 1 }, { unique: true })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MongoServerError);
    expect((error as MongoServerError).code).toBe(11000);
    expect((await mongo.db.collection('s').listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
  });

  it('drops one index by name, or all but _id with *', async () => {
    await mongo.db.collection('s').createIndexes([{ key: { a: 1 } }, { key: { b: 1 } }]);
    await mongo.db.collection('s').dropIndex('a_1');
    expect((await mongo.db.collection('s').listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_', 'b_1']);
    await mongo.db.collection('s').dropIndexes();
    expect((await mongo.db.collection('s').listIndexes().toArray()).map((i) => i.name)).toEqual(['_id_']);
    await expect(mongo.db.collection('s').dropIndex('zzz')).rejects.toMatchObject({ code: 27 });
  });
});

describe('unique indexes', () => {
  it('reject a duplicate insert with keyPattern, keyValue and mongod message', async () => {
    await mongo.db.collection('u').createIndex({ name: 1 }, { unique: true });
    await mongo.db.collection('u').insertOne({ name: 'x' });
    const error = (await mongo.db
      .collection('u')
      .insertOne({ name: 'x' })
      .catch((e: unknown) => e)) as MongoServerError;
    expect(error.code).toBe(11000);
    expect(error.message).toBe('E11000 duplicate key error collection: indexes.u index: name_1 dup key: { name: "x" }');
    expect(error.keyPattern).toEqual({ name: 1 });
    expect(error.keyValue).toEqual({ name: 'x' });
  });

  it('reject an update that would create a duplicate', async () => {
    await mongo.db.collection('u').createIndex({ name: 1 }, { unique: true });
    await mongo.db.collection('u').insertMany([{ name: 'a' }, { name: 'b' }]);
    await expect(mongo.db.collection('u').updateOne({ name: 'b' }, { $set: { name: 'a' } })).rejects.toMatchObject({
      code: 11000,
    });
    expect(await mongo.db.collection('u').countDocuments({ name: 'b' })).toBe(1);
  });

  it('enforce compound keys on the combination only', async () => {
    await mongo.db.collection('c').createIndex({ a: 1, b: 1 }, { unique: true });
    await mongo.db.collection('c').insertMany([
      { a: 1, b: 1 },
      { a: 1, b: 2 },
    ]);
    await expect(mongo.db.collection('c').insertOne({ a: 1, b: 1 })).rejects.toMatchObject({
      code: 11000,
      keyValue: { a: 1, b: 1 },
    });
  });

  it('let many documents miss a sparse unique field', async () => {
    await mongo.db.collection('sp').createIndex({ nick: 1 }, { unique: true, sparse: true });
    await mongo.db.collection('sp').insertMany([{ a: 1 }, { a: 2 }, { nick: 'z' }]);
    await expect(mongo.db.collection('sp').insertOne({ nick: 'z' })).rejects.toMatchObject({ code: 11000 });
  });

  it('treat a missing field as null when not sparse', async () => {
    await mongo.db.collection('ns').createIndex({ nick: 1 }, { unique: true });
    await mongo.db.collection('ns').insertOne({ a: 1 });
    await expect(mongo.db.collection('ns').insertOne({ a: 2 })).rejects.toMatchObject({
      code: 11000,
      keyValue: { nick: null },
    });
  });

  it('still find documents by equality through the index, in natural order', async () => {
    await mongo.db.collection('f').createIndex({ tag: 1 });
    await mongo.db.collection('f').insertMany([
      { tag: 'x', i: 0 },
      { tag: 'y', i: 1 },
      { tag: ['x', 'z'], i: 2 },
    ]);
    expect((await mongo.db.collection('f').find({ tag: 'x' }).toArray()).map((d) => d.i)).toEqual([0, 2]);
  });
});

describe('ordered and unordered inserts', () => {
  it('stop at the first error when ordered', async () => {
    const docs = [{ _id: 1 }, { _id: 1 }, { _id: 2 }] as never[];
    const error = await mongo.db
      .collection('o')
      .insertMany(docs)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 11000 });
    expect(await mongo.db.collection('o').countDocuments()).toBe(1);
  });

  it('carry on past errors when unordered, reporting each one', async () => {
    const docs = [{ _id: 1 }, { _id: 1 }, { _id: 2 }, { _id: 2 }] as never[];
    const error = (await mongo.db
      .collection('o')
      .insertMany(docs, { ordered: false })
      .catch((e: unknown) => e)) as { writeErrors: { index: number }[] };
    expect(error.writeErrors.map((e) => e.index)).toEqual([1, 3]);
    expect(await mongo.db.collection('o').countDocuments()).toBe(2);
  });
});
