// Updates behave like mongod's: the same _id may be set again, positional paths and
// conditions work, wrong types fail with mongod's codes, and nothing changes silently.
import { Binary, Double, Int32, type ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('updates');
type Row = { _id?: number | string | ObjectId } & Record<string, unknown>;
// Updates on fields the Row type does not spell out are cast: the driver's types cannot know them.
const songs = () => mongo.db.collection<Row>('songs');

describe('a whole document that includes the unchanged _id', () => {
  it('is accepted by $set, as a PUT that passes the request body does', async () => {
    const { insertedId } = await songs().insertOne({ title: 'Intro', plays: 1 });
    const body = { _id: insertedId, title: 'Intro (live)', plays: 2 };
    await songs().updateOne({ _id: insertedId }, { $set: body });
    expect(await songs().findOne({ _id: insertedId })).toEqual(body);
  });

  it('is accepted by a replacement', async () => {
    const { insertedId } = await songs().insertOne({ title: 'Intro' });
    await songs().replaceOne({ _id: insertedId }, { _id: insertedId, title: 'Outro' });
    expect(await songs().findOne({ _id: insertedId })).toEqual({ _id: insertedId, title: 'Outro' });
  });

  it('is still refused when the _id differs (66)', async () => {
    const { insertedId } = await songs().insertOne({ title: 'Intro' });
    await expect(songs().updateOne({ _id: insertedId }, { $set: { _id: 'other' } })).rejects.toMatchObject({
      code: 66,
    });
  });
});

describe('positional paths', () => {
  it('update two fields of the matched element through children.$', async () => {
    await songs().insertOne({ _id: 1, children: [{ name: 'a' }, { name: 'b' }] });
    await songs().updateOne({ _id: 1, 'children.name': 'b' }, { $set: { 'children.$.name': 'B', 'children.$.n': 2 } });
    expect((await songs().findOne({ _id: 1 }))?.children).toEqual([{ name: 'a' }, { name: 'B', n: 2 }]);
  });

  it('update the elements arrayFilters choose', async () => {
    await songs().insertOne({ _id: 2, grades: [70, 95, 88] });
    await songs().updateOne(
      { _id: 2 },
      { $set: { 'grades.$[high]': 100 } },
      { arrayFilters: [{ high: { $gte: 88 } }] },
    );
    expect((await songs().findOne({ _id: 2 }))?.grades).toEqual([70, 100, 100]);
  });

  it('refuse "$" when the filter does not look into the array', async () => {
    await songs().insertOne({ _id: 3, tags: ['x'] });
    await expect(songs().updateOne({ _id: 3 }, { $set: { 'tags.$': 'y' } })).rejects.toMatchObject({
      code: 2,
      message: 'The positional operator did not find the match needed from the query.',
    });
  });

  it('refuse two paths where one contains the other (40)', async () => {
    await songs().insertOne({ _id: 4, a: { b: 1 } });
    await expect(songs().updateOne({ _id: 4 }, { $set: { a: {}, 'a.b': 2 } })).rejects.toMatchObject({
      code: 40,
      message: "Updating the path 'a.b' would create a conflict at 'a'",
    });
  });
});

describe('$pull', () => {
  it('removes elements matching $or conditions', async () => {
    await songs().insertOne({ _id: 5, notes: [{ n: 1 }, { n: 2 }, { n: 3 }] });
    await songs().updateOne({ _id: 5 }, { $pull: { notes: { $or: [{ n: 1 }, { n: 3 }] } } } as never);
    expect((await songs().findOne({ _id: 5 }))?.notes).toEqual([{ n: 2 }]);
  });

  it('removes sub-documents (without _id) matching some of their fields', async () => {
    await songs().insertOne({
      _id: 6,
      items: [
        { name: 'x', qty: 1 },
        { name: 'y', qty: 2 },
      ],
    });
    await songs().updateOne({ _id: 6 }, { $pull: { items: { name: 'x' } } } as never);
    expect((await songs().findOne({ _id: 6 }))?.items).toEqual([{ name: 'y', qty: 2 }]);
  });

  it('removes values matching an operator', async () => {
    await songs().insertOne({ _id: 7, scores: [1, 5, 9] });
    await songs().updateOne({ _id: 7 }, { $pull: { scores: { $gte: 5 } } } as never);
    expect((await songs().findOne({ _id: 7 }))?.scores).toEqual([1]);
  });
});

describe('type errors mongod raises', () => {
  it('$push onto a number fails with BadValue (2)', async () => {
    await songs().insertOne({ _id: 8, plays: 3 });
    await expect(songs().updateOne({ _id: 8 }, { $push: { plays: 1 } } as never)).rejects.toMatchObject({
      code: 2,
      message: "The field 'plays' must be an array but is of type int in document {_id: 8}",
    });
  });

  it('$set into an element of a non-array fails with PathNotViable (28)', async () => {
    await songs().insertOne({ _id: 9, plays: 3 });
    await expect(songs().updateOne({ _id: 9 }, { $set: { 'plays.0.x': 1 } })).rejects.toMatchObject({
      code: 28,
      message: "Cannot create field '0' in element {plays: 3}",
    });
  });

  it('$inc on a string fails with TypeMismatch (14)', async () => {
    await songs().insertOne({ _id: 10, title: 'x' });
    await expect(songs().updateOne({ _id: 10 }, { $inc: { title: 1 } } as never)).rejects.toMatchObject({
      code: 14,
      message:
        "Cannot apply $inc to a value of non-numeric type. {_id: 10} has the field 'title' of non-numeric type string",
    });
  });

  it('a top-level $-prefixed field in $set fails with DollarPrefixedFieldName (52)', async () => {
    await songs().insertOne({ _id: 11 });
    await expect(songs().updateOne({ _id: 11 }, { $set: { $x: 1 } })).rejects.toMatchObject({ code: 52 });
  });

  it('$-prefixed field names inside a sub-document are stored, as mongod 5+ does', async () => {
    await songs().insertOne({ _id: 12, rule: { $gt: 5 } });
    await songs().updateOne({ _id: 12 }, { $set: { other: { $in: [1] } } });
    expect(await songs().findOne({ _id: 12 })).toEqual({ _id: 12, rule: { $gt: 5 }, other: { $in: [1] } });
  });
});

describe('types are kept', () => {
  it('a Double with an integral value comes back a Double', async () => {
    await songs().insertOne({ _id: 13, price: new Double(5) });
    const raw = await songs().findOne({ _id: 13 }, { promoteValues: false });
    expect(raw?.price).toBeInstanceOf(Double);
    expect(await songs().countDocuments({ price: { $type: 'double' } })).toBe(1);
    await songs().updateOne({ _id: 13 }, { $inc: { price: new Double(1) } } as never);
    expect((await songs().findOne({ _id: 13 }, { promoteValues: false }))?.price).toEqual(new Double(6));
  });

  it('an int stays an Int32', async () => {
    await songs().insertOne({ _id: 14, plays: 5 });
    expect((await songs().findOne({ _id: 14 }, { promoteValues: false }))?.plays).toBeInstanceOf(Int32);
  });

  it('a change of Binary subtype is saved', async () => {
    await songs().insertOne({ _id: 15, data: new Binary(Buffer.from('abc'), 0) });
    const result = await songs().updateOne({ _id: 15 }, { $set: { data: new Binary(Buffer.from('abc'), 5) } });
    expect(result.modifiedCount).toBe(1);
    const stored = await songs().findOne({ _id: 15 });
    expect((stored!.data as Binary).sub_type).toBe(5);
  });

  it('new fields are added in name order, as mongod does', async () => {
    await songs().insertOne({ _id: 16 });
    await songs().updateOne({ _id: 16 }, { $set: { zeta: 1, alpha: 1 } });
    expect(Object.keys((await songs().findOne({ _id: 16 }))!)).toEqual(['_id', 'alpha', 'zeta']);
  });
});
