// Mongoose, the way the lessons use it, works against the stand-in: models, unique
// indexes, validation, populate and timestamps.
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type RunningStandin } from '../src/server.ts';

let standin: RunningStandin;
let connection: Connection;

const artistSchema = new mongoose.Schema({ name: { type: String, required: true, unique: true } });
const songSchema = new mongoose.Schema(
  {
    title: { type: String, required: true },
    artist: { type: mongoose.Schema.Types.ObjectId, ref: 'Artist' },
    plays: { type: Number, default: 0, index: true },
    price: mongoose.Schema.Types.Decimal128,
  },
  { timestamps: true },
);

beforeAll(async () => {
  standin = await startStandin();
  connection = await mongoose.createConnection(`${standin.uri}/mongoose`).asPromise();
});
afterAll(async () => {
  await connection.close();
  await standin.stop();
});

describe('models', () => {
  it('create the collection and its indexes on init (autoCreate, autoIndex)', async () => {
    const Artist = connection.model('Artist', artistSchema);
    await Artist.init();
    const names = (await connection.db!.collection('artists').listIndexes().toArray()).map((i) => i.name);
    expect(names).toEqual(['_id_', 'name_1']);
  });

  it('save, find, update and delete documents', async () => {
    const Song = connection.model('Song', songSchema);
    await Song.init();
    const song = await Song.create({ title: 'Intro', price: '1.99' });
    expect(song.createdAt).toBeInstanceOf(Date);
    song.plays = 3;
    await song.save();
    const found = await Song.findById(song._id).lean();
    expect(found).toMatchObject({ title: 'Intro', plays: 3 });
    expect(found!.price!.toString()).toBe('1.99');
    await Song.updateOne({ _id: song._id }, { $inc: { plays: 1 } });
    expect((await Song.findOne({ title: 'Intro' }))!.plays).toBe(4);
    await Song.deleteOne({ _id: song._id });
    expect(await Song.countDocuments()).toBe(0);
  });

  it('turn a duplicate unique value into an E11000 error', async () => {
    const Artist = connection.model('Artist', artistSchema);
    await Artist.init();
    await Artist.create({ name: 'Ada' });
    await expect(Artist.create({ name: 'Ada' })).rejects.toMatchObject({ code: 11000, keyValue: { name: 'Ada' } });
  });

  it('populate a reference', async () => {
    const Artist = connection.model('Artist', artistSchema);
    const Song = connection.model('Song', songSchema);
    const artist = await Artist.create({ name: 'Bo' });
    await Song.create({ title: 'Two', artist: artist._id });
    const song = await Song.findOne({ title: 'Two' }).populate<{ artist: { name: string } }>('artist');
    expect(song!.artist.name).toBe('Bo');
  });

  it('insertMany, then query with sort, limit and lean', async () => {
    const Song = connection.model('Song', songSchema);
    await Song.deleteMany({});
    await Song.insertMany(Array.from({ length: 50 }, (_, i) => ({ title: `t${i}`, plays: i })));
    const top = await Song.find({ plays: { $gte: 10 } })
      .sort({ plays: -1 })
      .limit(3)
      .select('title -_id')
      .lean();
    expect(top).toEqual([{ title: 't49' }, { title: 't48' }, { title: 't47' }]);
  });

  it('findOneAndUpdate returns the updated document', async () => {
    const Song = connection.model('Song', songSchema);
    const updated = await Song.findOneAndUpdate(
      { title: 't0' },
      { $set: { title: 'zero' } },
      { returnDocument: 'after' },
    );
    expect(updated!.title).toBe('zero');
  });

  it('report validation errors before reaching the database', async () => {
    const Song = connection.model('Song', songSchema);
    await expect(Song.create({ plays: 1 })).rejects.toThrow(/title/);
  });
});
