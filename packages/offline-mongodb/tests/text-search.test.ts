// $text search with a text index, the way learners build "search songs": words (stemmed,
// stop words ignored), "phrases", -negation, and mongod's { $meta: "textScore" }.
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('text');

async function songs() {
  const collection = mongo.db.collection('songs');
  await collection.createIndex({ title: 'text', lyrics: 'text' }, { weights: { title: 5 } });
  await collection.insertMany([
    { title: 'Love Song', lyrics: 'I am loving you' },
    { title: 'Rain', lyrics: 'the rain falls, it loves the ground' },
    { title: 'Dry', lyrics: 'nothing here' },
    { title: 'love', lyrics: '' },
  ]);
  return collection;
}

const titles = (docs: Record<string, unknown>[]) => docs.map((doc) => doc.title);

describe('a text index', () => {
  it('is listed the way mongod lists it', async () => {
    const indexes = await (await songs()).listIndexes().toArray();
    expect(indexes[1]).toMatchObject({
      key: { _fts: 'text', _ftsx: 1 },
      name: 'title_text_lyrics_text',
      weights: { title: 5, lyrics: 1 },
      default_language: 'english',
      textIndexVersion: 3,
    });
  });

  it('is required: without one, $text fails with IndexNotFound (27)', async () => {
    await mongo.db.collection('plain').insertOne({ title: 'x' });
    await expect(
      mongo.db
        .collection('plain')
        .find({ $text: { $search: 'x' } })
        .toArray(),
    ).rejects.toMatchObject({ code: 27, message: 'text index required for $text query' });
  });
});

describe('$text', () => {
  it('matches any word, stemmed, and scores as mongod does', async () => {
    const found = await (await songs())
      .find({ $text: { $search: 'loves' } }, { projection: { _id: 0, title: 1, score: { $meta: 'textScore' } } })
      .sort({ score: { $meta: 'textScore' } })
      .toArray();
    expect(found).toEqual([
      { title: 'love', score: 5.5 },
      { title: 'Love Song', score: 4.75 },
      { title: 'Rain', score: 0.625 },
    ]);
  });

  it('requires every quoted phrase', async () => {
    expect(titles(await (await songs()).find({ $text: { $search: '"love song"' } }).toArray())).toEqual(['Love Song']);
  });

  it('leaves out documents with a negated word', async () => {
    const found = await (await songs()).find({ $text: { $search: 'love -rain' } }).toArray();
    expect(titles(found)).toEqual(['Love Song', 'love']);
  });

  it('ignores stop words', async () => {
    expect(await (await songs()).countDocuments({ $text: { $search: 'the' } })).toBe(0);
  });

  it('combines with other conditions', async () => {
    expect(titles(await (await songs()).find({ $text: { $search: 'love' }, title: 'love' }).toArray())).toEqual([
      'love',
    ]);
  });

  it('works as the first stage of a pipeline, with the score', async () => {
    const [rain] = await (await songs())
      .aggregate([
        { $match: { $text: { $search: 'rain' } } },
        { $project: { title: 1, score: { $meta: 'textScore' } } },
      ])
      .toArray();
    expect(rain).toMatchObject({ title: 'Rain' });
    expect(Object.keys(rain)).toEqual(['_id', 'title', 'score']);
  });
});

describe('through Mongoose', () => {
  it('searches songs with a schema text index', async () => {
    const connection = await mongoose.createConnection(`${mongo.standin.uri}/text`).asPromise();
    const schema = new mongoose.Schema({ title: String, artist: String });
    schema.index({ title: 'text', artist: 'text' });
    const Song = connection.model('Song', schema);
    await Song.init();
    await Song.create([
      { title: 'Running Up That Hill', artist: 'Kate Bush' },
      { title: 'Hills', artist: 'x' },
    ]);
    const found = await Song.find({ $text: { $search: 'hill' } })
      .select({ score: { $meta: 'textScore' } })
      .sort({ score: { $meta: 'textScore' } })
      .lean();
    expect(found.map((song) => song.title)).toEqual(['Hills', 'Running Up That Hill']);
    await connection.close();
  });
});
