// Queries and projections answer as mongod does: _id first, $slice and $elemMatch in
// every form, $all on single values, a collection's own collation, and mongod's errors.
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('queries');
const band = () => mongo.db.collection<{ _id: number; [field: string]: unknown }>('band');

async function seed(): Promise<void> {
  await band().insertOne({
    _id: 1,
    name: 'Ada',
    tags: 'solo',
    members: [
      { name: 'x', age: 20 },
      { name: 'y', age: 35 },
      { name: 'z', age: 50 },
    ],
  });
}

describe('projection', () => {
  it('puts _id first, then the fields in the document’s order', async () => {
    await seed();
    const [doc] = await band()
      .find({}, { projection: { tags: 1, name: 1, _id: 1 } })
      .toArray();
    expect(Object.keys(doc)).toEqual(['_id', 'name', 'tags']);
  });

  it('slices an array and keeps every other field when $slice stands alone', async () => {
    await seed();
    const doc = await band().findOne({}, { projection: { members: { $slice: 1 } } });
    expect(Object.keys(doc!)).toEqual(['_id', 'name', 'tags', 'members']);
    expect(doc!.members).toEqual([{ name: 'x', age: 20 }]);
  });

  it('slices with an exclusion beside it', async () => {
    await seed();
    const doc = await band().findOne({}, { projection: { members: { $slice: -1 }, name: 0 } });
    expect(doc).toEqual({ _id: 1, tags: 'solo', members: [{ name: 'z', age: 50 }] });
  });

  it('slices with [skip, limit] inside an inclusion', async () => {
    await seed();
    const doc = await band().findOne({}, { projection: { name: 1, members: { $slice: [1, 1] } } });
    expect(doc).toEqual({ _id: 1, name: 'Ada', members: [{ name: 'y', age: 35 }] });
  });

  it('returns the first element $elemMatch accepts, with operators such as $gte and $in', async () => {
    await seed();
    expect(await band().findOne({}, { projection: { members: { $elemMatch: { age: { $gte: 30 } } } } })).toEqual({
      _id: 1,
      members: [{ name: 'y', age: 35 }],
    });
    expect(
      await band().findOne({}, { projection: { name: 1, members: { $elemMatch: { name: { $in: ['z'] } } } } }),
    ).toEqual({ _id: 1, name: 'Ada', members: [{ name: 'z', age: 50 }] });
  });

  it('returns the element the filter matched with "members.$"', async () => {
    await seed();
    expect(await band().findOne({ 'members.age': { $gt: 40 } }, { projection: { 'members.$': 1 } })).toEqual({
      _id: 1,
      members: [{ name: 'z', age: 50 }],
    });
  });

  it('refuses mixing inclusion and exclusion (31254)', async () => {
    await seed();
    await expect(band().findOne({}, { projection: { name: 1, tags: 0 } })).rejects.toMatchObject({ code: 31254 });
  });
});

describe('$all', () => {
  it('matches a field that holds the single value, not an array', async () => {
    await seed();
    expect(await band().countDocuments({ tags: { $all: ['solo'] } })).toBe(1);
    expect(await band().countDocuments({ tags: { $all: ['solo', 'duo'] } })).toBe(0);
  });
});

describe('a collection created with a collation', () => {
  it('uses it for find and sort when the query names none', async () => {
    await mongo.db.createCollection('names', { collation: { locale: 'en', strength: 2 } });
    const names = mongo.db.collection('names');
    await names.insertMany([{ n: 'b' }, { n: 'A' }, { n: 'a' }]);
    expect(await names.countDocuments({ n: 'a' })).toBe(2);
    const sorted = await names.find({}, { sort: { n: -1 }, projection: { _id: 0 } }).toArray();
    expect(sorted.map((d) => d.n)).toEqual(['b', 'A', 'a']);
  });
});

describe('mistakes', () => {
  it('report an unknown query operator even on a collection that does not exist', async () => {
    await expect(
      mongo.db
        .collection('nothing')
        .find({ a: { $bogus: 1 } })
        .toArray(),
    ).rejects.toMatchObject({ code: 2, message: 'unknown operator: $bogus' });
  });

  it('report an unknown pipeline stage in mongod’s words (40324)', async () => {
    await expect(
      band()
        .aggregate([{ $bogus: {} }])
        .toArray(),
    ).rejects.toMatchObject({
      code: 40324,
      message: "Unrecognized pipeline stage name: '$bogus'",
    });
  });
});
