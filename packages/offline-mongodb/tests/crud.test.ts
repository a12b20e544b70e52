// Everyday reads and writes against the stand-in through the official driver,
// checked against what mongod answers.
import { Binary, Decimal128, Long, ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('crud');

describe('insert and find', () => {
  it('creates the collection on first insert and generates an ObjectId _id placed first', async () => {
    await mongo.db.collection('songs').insertOne({ title: 'Intro' });
    const [song] = await mongo.db.collection('songs').find().toArray();
    expect(Object.keys(song)[0]).toBe('_id');
    expect(song._id).toBeInstanceOf(ObjectId);
    expect((await mongo.db.listCollections().toArray()).map((c) => c.name)).toEqual(['songs']);
  });

  it('round-trips ObjectId, Date, Decimal128, Binary and Long exactly', async () => {
    const doc = {
      _id: new ObjectId(),
      at: new Date('2024-05-01T10:00:00Z'),
      price: Decimal128.fromString('9.99'),
      bytes: new Binary(Buffer.from([1, 2, 3]), 4),
      big: Long.fromString('9007199254740993'),
    };
    await mongo.db.collection('types').insertOne(doc);
    const back = await mongo.db.collection('types').findOne({ _id: doc._id }, { promoteLongs: false });
    expect(back!._id.equals(doc._id)).toBe(true);
    expect(back!.at.getTime()).toBe(doc.at.getTime());
    expect(back!.price.toString()).toBe('9.99');
    expect(back!.bytes.sub_type).toBe(4);
    expect(Buffer.from(back!.bytes.buffer)).toEqual(Buffer.from([1, 2, 3]));
    expect(back!.big.toString()).toBe('9007199254740993');
  });

  it('sorts, skips, limits and projects', async () => {
    await mongo.db.collection('n').insertMany([5, 3, 9, 1, 7].map((n) => ({ n, extra: true })));
    const docs = await mongo.db
      .collection('n')
      .find({}, { sort: { n: -1 }, skip: 1, limit: 3, projection: { _id: 0, n: 1 } })
      .toArray();
    expect(docs).toEqual([{ n: 7 }, { n: 5 }, { n: 3 }]);
  });

  it('hands out large results in batches through getMore', async () => {
    await mongo.db.collection('many').insertMany(Array.from({ length: 250 }, (_, i) => ({ i })));
    // The driver hides batching, so first prove the server really keeps the rest behind a cursor.
    const first = await mongo.db.command({ find: 'many', batchSize: 20 });
    expect(first.cursor.firstBatch).toHaveLength(20);
    expect(first.cursor.id.toString()).not.toBe('0');
    await mongo.db.command({ killCursors: 'many', cursors: [first.cursor.id] });
    const docs = await mongo.db.collection('many').find({}, { batchSize: 20 }).toArray();
    expect(docs.map((d) => d.i)).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it('compares Decimal128 as numbers, not strings, in sorts and ranges', async () => {
    await mongo.db
      .collection('p')
      .insertMany(['10.5', '9.99', '100'].map((v) => ({ price: Decimal128.fromString(v) })));
    const sorted = await mongo.db
      .collection('p')
      .find({}, { sort: { price: 1 } })
      .toArray();
    expect(sorted.map((d) => d.price.toString())).toEqual(['9.99', '10.5', '100']);
    const over10 = await mongo.db.collection('p').countDocuments({ price: { $gt: 10 } });
    expect(over10).toBe(2);
  });

  it('orders mixed types the way mongod does (null, numbers, strings, objects, ObjectId, booleans, dates)', async () => {
    const values = [new Date(0), true, new ObjectId('000000000000000000000001'), { a: 1 }, 'text', 3, null];
    await mongo.db.collection('mixed').insertMany(values.map((v) => ({ v })));
    const sorted = await mongo.db
      .collection('mixed')
      .find({}, { sort: { v: 1 }, projection: { _id: 0 } })
      .toArray();
    expect(sorted.map((d) => (typeof d.v === 'object' && d.v !== null ? d.v.constructor.name : d.v))).toEqual([
      null,
      3,
      'text',
      'Object',
      'ObjectId',
      true,
      'Date',
    ]);
  });
});

describe('update', () => {
  it('reports n and nModified, and updates many with multi', async () => {
    await mongo.db.collection('u').insertMany([{ a: 1 }, { a: 1 }, { a: 2 }]);
    const result = await mongo.db.collection('u').updateMany({ a: 1 }, { $inc: { a: 10 } });
    expect(result).toMatchObject({ matchedCount: 2, modifiedCount: 2 });
    const same = await mongo.db.collection('u').updateOne({ a: 2 }, { $set: { a: 2 } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
  });

  it('upserts with $setOnInsert and takes _id from the query', async () => {
    const result = await mongo.db
      .collection('u')
      .updateOne(
        { _id: 'x' as never, kind: 'a' },
        { $set: { n: 1 }, $setOnInsert: { created: true } },
        { upsert: true },
      );
    expect(result.upsertedId).toBe('x');
    expect(await mongo.db.collection('u').findOne({ _id: 'x' as never })).toEqual({
      _id: 'x',
      kind: 'a',
      n: 1,
      created: true,
    });
    await mongo.db
      .collection('u')
      .updateOne({ _id: 'x' as never }, { $set: { n: 2 }, $setOnInsert: { created: false } }, { upsert: true });
    expect(await mongo.db.collection('u').findOne({ _id: 'x' as never })).toMatchObject({ n: 2, created: true });
  });

  it('replaces a whole document but keeps its _id', async () => {
    const { insertedId } = await mongo.db.collection('u').insertOne({ a: 1, b: 2 });
    await mongo.db.collection('u').replaceOne({ _id: insertedId }, { c: 3 });
    expect(await mongo.db.collection('u').findOne({ _id: insertedId })).toEqual({ _id: insertedId, c: 3 });
  });

  it('applies arrayFilters and the positional operator', async () => {
    const { insertedId } = await mongo.db.collection('u').insertOne({ grades: [80, 95, 100], tags: ['a', 'b'] });
    await mongo.db
      .collection('u')
      .updateOne({ _id: insertedId }, { $set: { 'grades.$[g]': 0 } }, { arrayFilters: [{ g: { $gte: 95 } }] });
    await mongo.db.collection('u').updateOne({ _id: insertedId, tags: 'b' }, { $set: { 'tags.$': 'B' } });
    expect(await mongo.db.collection('u').findOne({ _id: insertedId })).toMatchObject({
      grades: [80, 0, 0],
      tags: ['a', 'B'],
    });
  });
});

describe('delete, findAndModify, count, distinct', () => {
  it('deletes one or many', async () => {
    await mongo.db.collection('d').insertMany([{ a: 1 }, { a: 1 }, { a: 1 }, { a: 2 }]);
    expect((await mongo.db.collection('d').deleteOne({ a: 1 })).deletedCount).toBe(1);
    expect((await mongo.db.collection('d').deleteMany({ a: 1 })).deletedCount).toBe(2);
    expect(await mongo.db.collection('d').countDocuments()).toBe(1);
  });

  it('findOneAndUpdate returns the document before or after, honouring sort', async () => {
    await mongo.db.collection('f').insertMany([{ n: 1 }, { n: 2 }]);
    const before = await mongo.db
      .collection('f')
      .findOneAndUpdate({}, { $inc: { n: 10 } }, { sort: { n: -1 }, returnDocument: 'before' });
    expect(before!.n).toBe(2);
    const after = await mongo.db
      .collection('f')
      .findOneAndUpdate({ n: 12 }, { $inc: { n: 1 } }, { returnDocument: 'after', projection: { _id: 0 } });
    expect(after).toEqual({ n: 13 });
    const removed = await mongo.db.collection('f').findOneAndDelete({ n: 1 });
    expect(removed!.n).toBe(1);
    const upserted = await mongo.db
      .collection('f')
      .findOneAndUpdate({ n: 50 }, { $set: { m: 1 } }, { upsert: true, returnDocument: 'after' });
    expect(upserted).toMatchObject({ n: 50, m: 1 });
  });

  it('counts and lists distinct values, stepping into arrays', async () => {
    await mongo.db.collection('c').insertMany([{ tags: ['a', 'b'] }, { tags: ['b', 'c'] }, { tags: 'a' }]);
    expect(await mongo.db.collection('c').distinct('tags')).toEqual(['a', 'b', 'c']);
    expect(await mongo.db.collection('c').countDocuments({ tags: 'b' })).toBe(2);
    expect(await mongo.db.collection('c').estimatedDocumentCount()).toBe(3);
  });
});

describe('aggregate', () => {
  it('groups, sorts and looks up other collections', async () => {
    await mongo.db.collection('artists').insertMany([
      { _id: 1 as never, name: 'Ada' },
      { _id: 2 as never, name: 'Bo' },
    ]);
    await mongo.db.collection('songs').insertMany([
      { artist: 1, plays: 5 },
      { artist: 1, plays: 7 },
      { artist: 2, plays: 1 },
    ]);
    const rows = await mongo.db
      .collection('songs')
      .aggregate([
        { $group: { _id: '$artist', plays: { $sum: '$plays' } } },
        { $sort: { plays: -1 } },
        { $lookup: { from: 'artists', localField: '_id', foreignField: '_id', as: 'artist' } },
        { $project: { _id: 0, plays: 1, name: { $first: '$artist.name' } } },
      ])
      .toArray();
    expect(rows).toEqual([
      { plays: 12, name: 'Ada' },
      { plays: 1, name: 'Bo' },
    ]);
  });

  it('groups by ObjectId values correctly', async () => {
    const a = new ObjectId();
    await mongo.db
      .collection('g')
      .insertMany([{ owner: a }, { owner: new ObjectId(a.toHexString()) }, { owner: new ObjectId() }]);
    const groups = await mongo.db
      .collection('g')
      .aggregate([{ $group: { _id: '$owner', n: { $sum: 1 } } }, { $sort: { n: -1 } }])
      .toArray();
    expect(groups.map((g) => g.n)).toEqual([2, 1]);
  });

  it('writes results with $out and counts with $count', async () => {
    await mongo.db.collection('src').insertMany([{ v: 1 }, { v: 2 }, { v: 3 }]);
    await mongo.db
      .collection('src')
      .aggregate([{ $match: { v: { $gte: 2 } } }, { $out: 'dst' }])
      .toArray();
    expect(await mongo.db.collection('dst').countDocuments()).toBe(2);
    expect(
      await mongo.db
        .collection('src')
        .aggregate([{ $count: 'total' }])
        .toArray(),
    ).toEqual([{ total: 3 }]);
  });
});
