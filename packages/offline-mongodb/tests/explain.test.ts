// explain shows the plan a learner needs to see an index at work: COLLSCAN without one,
// IXSCAN with one, IDHACK for an _id, through Mongoose and the driver alike.
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('explain');

async function songs() {
  const collection = mongo.db.collection('songs');
  await collection.insertMany(Array.from({ length: 50 }, (_, i) => ({ title: `t${i}`, plays: i })));
  return collection;
}

describe('find().explain()', () => {
  it('shows a COLLSCAN that examines every document when no index fits', async () => {
    const explained = await (await songs()).find({ title: 't7' }).explain('executionStats');
    expect(explained.queryPlanner.winningPlan).toMatchObject({ stage: 'COLLSCAN', direction: 'forward' });
    expect(explained.executionStats).toMatchObject({ nReturned: 1, totalDocsExamined: 50, totalKeysExamined: 0 });
  });

  it('shows an IXSCAN under a FETCH once an index exists, examining one document', async () => {
    const collection = await songs();
    await collection.createIndex({ title: 1 });
    const explained = await collection.find({ title: 't7' }).explain('executionStats');
    expect(explained.queryPlanner.winningPlan).toMatchObject({
      stage: 'FETCH',
      inputStage: {
        stage: 'IXSCAN',
        indexName: 'title_1',
        keyPattern: { title: 1 },
        indexBounds: { title: ['["t7", "t7"]'] },
      },
    });
    expect(explained.executionStats).toMatchObject({ nReturned: 1, totalDocsExamined: 1, totalKeysExamined: 1 });
  });

  it('shows range bounds, and a SORT and LIMIT around the scan', async () => {
    const collection = await songs();
    await collection.createIndex({ plays: 1 });
    const explained = await collection
      .find({ plays: { $gt: 45 } })
      .sort({ title: 1 })
      .limit(2)
      .explain();
    expect(explained.queryPlanner.winningPlan).toMatchObject({
      stage: 'LIMIT',
      inputStage: {
        stage: 'SORT',
        inputStage: { stage: 'FETCH', inputStage: { indexBounds: { plays: ['(45, inf.0]'] } } },
      },
    });
  });

  it('shows IDHACK for a lookup by _id', async () => {
    const collection = await songs();
    const { _id } = (await collection.findOne())!;
    expect((await collection.find({ _id }).explain()).queryPlanner.winningPlan).toEqual({ stage: 'IDHACK' });
  });
});

describe('through Mongoose', () => {
  it('explains a query and an aggregation', async () => {
    const connection = await mongoose.createConnection(`${mongo.standin.uri}/explain`).asPromise();
    const Song = connection.model('Song', new mongoose.Schema({ title: { type: String, index: true }, plays: Number }));
    await Song.init();
    await Song.create({ title: 'Intro', plays: 1 });
    const query = (await Song.find({ title: 'Intro' }).explain('executionStats')) as unknown as {
      queryPlanner: { winningPlan: { inputStage: { stage: string } } };
    };
    expect(query.queryPlanner.winningPlan.inputStage.stage).toBe('IXSCAN');
    const pipeline = (await Song.aggregate([{ $match: { title: 'Intro' } }, { $count: 'n' }]).explain()) as unknown as {
      stages: { $cursor: { queryPlanner: { winningPlan: { stage: string } } } }[];
    };
    expect(pipeline.stages[0].$cursor.queryPlanner.winningPlan.stage).toBe('FETCH');
    await connection.close();
  });
});
