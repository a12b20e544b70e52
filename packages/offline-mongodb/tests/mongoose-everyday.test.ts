// The everyday Mongoose moves a learner makes get mongod's answers from the stand-in:
// a PUT that passes the whole body, child timestamps through "children.$", $pull of
// sub-documents, select() order, Double fields and a collection's collation.
import mongoose, { type Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type RunningStandin } from '../src/server.ts';

let standin: RunningStandin;
let connection: Connection;

beforeAll(async () => {
  standin = await startStandin();
  connection = await mongoose.createConnection(`${standin.uri}/everyday`).asPromise();
});
afterAll(async () => {
  await connection.close();
  await standin.stop();
});

const verseSchema = new mongoose.Schema({ text: String }, { timestamps: true });
const songSchema = new mongoose.Schema({
  title: String,
  artist: String,
  price: mongoose.Schema.Types.Double,
  verses: [verseSchema],
  credits: [new mongoose.Schema({ role: String, name: String }, { _id: false })],
});
const Song = () => connection.models.Song ?? connection.model('Song', songSchema);

describe('PUT /api/songs/:id with the whole body', () => {
  it('saves through findByIdAndUpdate even though the body carries the same _id', async () => {
    const song = await Song().create({ title: 'Intro', artist: 'Ada' });
    const body = { ...song.toObject(), title: 'Intro (live)' };
    const updated = await Song().findByIdAndUpdate(song._id, body, { new: true }).lean();
    expect(updated).toMatchObject({ title: 'Intro (live)', artist: 'Ada' });
  });

  it('saves through replaceOne with the same _id', async () => {
    const song = await Song().create({ title: 'Outro', artist: 'Bo' });
    await Song().replaceOne({ _id: song._id }, { _id: song._id, title: 'Outro', artist: 'Cy' });
    expect(await Song().findById(song._id).lean()).toMatchObject({ artist: 'Cy' });
  });
});

describe('a child schema with timestamps', () => {
  it('updates a verse through verses.$ (Mongoose adds verses.$.updatedAt)', async () => {
    const song = await Song().create({ title: 'Verses', verses: [{ text: 'one' }, { text: 'two' }] });
    const before = song.verses[1].updatedAt as Date;
    await new Promise((resolve) => setTimeout(resolve, 5));
    await Song().updateOne({ _id: song._id, 'verses._id': song.verses[1]._id }, { $set: { 'verses.$.text': 'TWO' } });
    const after = await Song().findById(song._id).lean();
    expect(after!.verses[1].text).toBe('TWO');
    expect((after!.verses[1].updatedAt as Date).getTime()).toBeGreaterThan(before.getTime());
  });
});

describe('$pull', () => {
  it('removes sub-documents without _id by one of their fields', async () => {
    const song = await Song().create({
      title: 'Credits',
      credits: [
        { role: 'vocals', name: 'Ada' },
        { role: 'drums', name: 'Bo' },
      ],
    });
    await Song().updateOne({ _id: song._id }, { $pull: { credits: { role: 'drums' } } });
    expect((await Song().findById(song._id).lean())!.credits).toEqual([{ role: 'vocals', name: 'Ada' }]);
  });
});

describe('select()', () => {
  it('returns _id first, as mongod does', async () => {
    await Song().create({ title: 'Order', artist: 'Di' });
    const doc = await Song().findOne({ title: 'Order' }).select('artist title').lean();
    expect(Object.keys(doc!)).toEqual(['_id', 'title', 'artist']);
  });
});

describe('a Double field', () => {
  it('stays a double when its value is whole', async () => {
    await Song().create({ title: 'Priced', price: 5 });
    expect(await Song().countDocuments({ price: { $type: 'double' } })).toBe(1);
  });
});

describe('a schema with a collation', () => {
  it('finds case-insensitively through the collection’s default collation', async () => {
    const Artist = connection.model(
      'Artist',
      new mongoose.Schema({ name: String }, { collation: { locale: 'en', strength: 2 } }),
    );
    await Artist.init();
    await Artist.create([{ name: 'Ada' }, { name: 'bo' }]);
    expect(await Artist.countDocuments({ name: 'ada' })).toBe(1);
    expect((await Artist.find().sort({ name: -1 }).lean()).map((a) => a.name)).toEqual(['bo', 'Ada']);
  });
});
