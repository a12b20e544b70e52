// mongod's limits hold on every write path, with its codes: 16 MB per document, 180 levels
// of nesting, 63 characters per database name, 255 per namespace. What is already stored
// stays whole and readable after a refusal, and a result too large to send back ends with
// mongod's error on a connection that stays open.
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

// Building and sending 18 MB takes time on a busy machine: these tests are about sizes, so the
// time limit (another file's business) stands well back.
const mongo = useStandinClient('limits', { timeLimitMs: 10_000 });

const MB = 1024 * 1024;
const almost16Mb = () => 'x'.repeat(16 * MB - 100);

/** { a: { a: ... { a: 1 } } } with `levels` levels counting the outer document. */
function nested(levels: number): Record<string, unknown> {
  let doc: Record<string, unknown> = { a: 1 };
  for (let level = 1; level < levels; level++) doc = { a: doc };
  return doc;
}

describe('the 16 MB document limit', () => {
  it('refuses an update that grows a document past it with 17419, keeping the stored one', async () => {
    const songs = mongo.db.collection('songs');
    await songs.insertOne({ _id: 1 as never, lyrics: almost16Mb() });
    await expect(songs.updateOne({ _id: 1 as never }, { $set: { more: 'y'.repeat(1000) } })).rejects.toMatchObject({
      code: 17419,
      message: 'Resulting document after update is larger than 16777216',
    });
    const stored = await songs.findOne({ _id: 1 as never });
    expect(stored?.lyrics).toHaveLength(16 * MB - 100);
    expect(stored?.more).toBeUndefined();
  });

  it('refuses a $push that grows an array past it', async () => {
    const songs = mongo.db.collection('songs');
    await songs.insertOne({ _id: 2 as never, verses: ['x'.repeat(9 * MB)] });
    await expect(
      songs.updateOne({ _id: 2 as never }, { $push: { verses: 'y'.repeat(8 * MB) } } as never),
    ).rejects.toMatchObject({ code: 17419 });
  });

  it('refuses findOneAndUpdate the same way', async () => {
    const songs = mongo.db.collection('songs');
    await songs.insertOne({ _id: 3 as never, lyrics: almost16Mb() });
    await expect(
      songs.findOneAndUpdate({ _id: 3 as never }, { $set: { more: 'y'.repeat(1000) } }),
    ).rejects.toMatchObject({ code: 17419 });
  });

  it('refuses an upsert that would insert too much with 17420', async () => {
    const songs = mongo.db.collection('songs');
    await expect(
      songs.updateOne({ _id: 4 as never }, { $set: { a: almost16Mb(), b: 'y'.repeat(1000) } }, { upsert: true }),
    ).rejects.toMatchObject({ code: 17420, message: 'Document to upsert is larger than 16777216' });
  });

  it('refuses an insert that is too large with BadValue (2)', async () => {
    await expect(mongo.db.collection('songs').insertOne({ big: 'x'.repeat(16 * MB) })).rejects.toMatchObject({
      code: 2,
      message: expect.stringContaining('object to insert too large'),
    });
  });
});

describe('a result past 16 MB', () => {
  async function twoBigSongs() {
    const songs = mongo.db.collection('songs');
    await songs.insertMany([
      { _id: 1 as never, lyrics: 'x'.repeat(9 * MB) },
      { _id: 2 as never, lyrics: 'y'.repeat(9 * MB) },
    ]);
    return songs;
  }

  it('ends an aggregation that builds one with BSONObjectTooLarge (10334), on a connection that stays open', async () => {
    const songs = await twoBigSongs();
    const doubled = [{ $match: { _id: 1 } }, { $set: { twice: { $concat: ['$lyrics', '$lyrics'] } } }];
    await expect(songs.aggregate(doubled).toArray()).rejects.toMatchObject({
      code: 10334,
      message: expect.stringContaining('is invalid. Size must be between 0 and 16793600(16MB)'),
    });
    expect(await songs.countDocuments()).toBe(2);
  });

  it('ends a getMore that reaches one the same way', async () => {
    const songs = await twoBigSongs();
    const secondDoubled = { $cond: [{ $eq: ['$_id', 2] }, { $concat: ['$lyrics', '$lyrics'] }, ''] };
    const cursor = songs.aggregate([{ $sort: { _id: 1 } }, { $set: { twice: secondDoubled } }], { batchSize: 1 });
    expect((await cursor.next())?._id).toBe(1);
    await expect(cursor.next()).rejects.toMatchObject({ code: 10334 });
  });

  it('ends a $lookup that joins more than fits the same way', async () => {
    const songs = await twoBigSongs();
    const joined = [{ $match: { _id: 1 } }, { $lookup: { from: 'songs', pipeline: [], as: 'all' } }];
    await expect(songs.aggregate(joined).toArray()).rejects.toMatchObject({ code: 10334 });
  });

  it('answers a findOneAndUpdate whose projection builds one with 10334 rather than closing the connection', async () => {
    const songs = await twoBigSongs();
    const projection = { twice: { $concat: ['$lyrics', '$lyrics'] } };
    await expect(
      songs.findOneAndUpdate({ _id: 1 as never }, { $set: { played: true } }, { projection }),
    ).rejects.toMatchObject({ code: 10334 });
    expect(await songs.countDocuments()).toBe(2);
  });

  it('refuses a distinct whose values do not fit with 17217', async () => {
    const songs = await twoBigSongs();
    await expect(songs.distinct('lyrics')).rejects.toMatchObject({
      code: 17217,
      message: 'distinct too big, 16mb cap',
    });
    expect(await songs.distinct('_id')).toEqual([1, 2]);
  });
});

describe('the nesting limit of 180 levels', () => {
  it('stores a document exactly 180 levels deep', async () => {
    await mongo.db.collection('deep').insertOne(nested(180));
    expect(await mongo.db.collection('deep').countDocuments()).toBe(1);
  });

  it('refuses an insert 181 levels deep with Overflow (15)', async () => {
    await expect(mongo.db.collection('deep').insertOne(nested(181))).rejects.toMatchObject({
      code: 15,
      message: 'cannot insert document because it exceeds 180 levels of nesting',
    });
  });

  it('refuses a document nested 10,000 levels and keeps the collection working', async () => {
    const deep = mongo.db.collection('deep');
    await deep.insertMany([{ n: 2 }, { n: 1 }]);
    await expect(deep.insertOne(nested(10_000))).rejects.toMatchObject({ code: 15 });
    expect(await deep.countDocuments()).toBe(2);
    expect((await deep.find().sort({ n: 1 }).toArray()).map((d) => d.n)).toEqual([1, 2]);
    expect(await deep.aggregate([{ $group: { _id: null, total: { $sum: '$n' } } }]).toArray()).toMatchObject([
      { total: 3 },
    ]);
    await deep.createIndex({ n: 1 });
  });

  it('refuses an update that nests too deep with Overflow (15)', async () => {
    const deep = mongo.db.collection('deep');
    await deep.insertOne({ _id: 'shallow' as never });
    await expect(deep.updateOne({ _id: 'shallow' as never }, { $set: { a: nested(200) } })).rejects.toMatchObject({
      code: 15,
      message: 'Document exceeds maximum nesting depth of 180',
    });
  });

  it('refuses a replacement that nests too deep', async () => {
    const deep = mongo.db.collection('deep');
    await deep.insertOne({ _id: 'flat' as never });
    await expect(deep.replaceOne({ _id: 'flat' as never }, nested(200))).rejects.toMatchObject({ code: 15 });
  });
});

describe('names', () => {
  it('refuses a database name over 63 characters with InvalidNamespace (73)', async () => {
    const db = mongo.client.db('d'.repeat(300));
    await expect(db.collection('c').insertOne({ a: 1 })).rejects.toMatchObject({
      code: 73,
      message: 'db name must be at most 63 characters, found: 300',
    });
  });

  it('accepts a database name of 63 characters', async () => {
    const db = mongo.client.db('d'.repeat(63));
    await db.collection('c').insertOne({ a: 1 });
    await db.dropDatabase();
  });

  it('refuses a namespace over 255 characters', async () => {
    await expect(mongo.db.createCollection('c'.repeat(260))).rejects.toMatchObject({
      code: 73,
      message: expect.stringContaining('Fully qualified namespace is too long'),
    });
  });
});
