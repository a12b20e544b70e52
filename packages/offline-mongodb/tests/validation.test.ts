// Collection validators hold on every write path, with mongod's DocumentValidationFailure
// (121) and an errInfo naming what failed; Mongoose reports it as a MongoServerError.
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('validation');

const songSchema = {
  $jsonSchema: {
    bsonType: 'object',
    required: ['title'],
    properties: {
      title: { bsonType: 'string', minLength: 1 },
      plays: { bsonType: 'int', minimum: 0 },
      genre: { enum: ['pop', 'rock'] },
    },
  },
};

async function songs() {
  await mongo.db.createCollection('songs', { validator: songSchema });
  return mongo.db.collection('songs');
}

describe('a $jsonSchema validator', () => {
  it('accepts a document that satisfies it', async () => {
    await (await songs()).insertOne({ title: 'Intro', plays: 3, genre: 'pop' });
  });

  it('refuses an insert missing a required field with 121 and its missingProperties', async () => {
    const error = await (await songs()).insertOne({ plays: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 121, message: 'Document failed validation' });
    const details = (error as { errInfo: { details: Record<string, unknown> } }).errInfo.details;
    expect(details).toMatchObject({
      operatorName: '$jsonSchema',
      schemaRulesNotSatisfied: [{ operatorName: 'required', missingProperties: ['title'] }],
    });
  });

  it('refuses an update that breaks a property rule, leaving the document as it was', async () => {
    const collection = await songs();
    const { insertedId } = await collection.insertOne({ title: 'Intro', plays: 3 });
    await expect(collection.updateOne({ _id: insertedId }, { $set: { plays: -1 } })).rejects.toMatchObject({
      code: 121,
      errInfo: { failingDocumentId: insertedId },
    });
    expect((await collection.findOne({ _id: insertedId }))?.plays).toBe(3);
  });

  it('refuses findOneAndUpdate, replaceOne and upserts too', async () => {
    const collection = await songs();
    const { insertedId } = await collection.insertOne({ title: 'Intro' });
    await expect(collection.findOneAndUpdate({ _id: insertedId }, { $set: { genre: 'jazz' } })).rejects.toMatchObject({
      code: 121,
    });
    await expect(collection.replaceOne({ _id: insertedId }, { plays: 1 })).rejects.toMatchObject({ code: 121 });
    await expect(
      collection.updateOne({ title: 'New' }, { $set: { plays: -5 } }, { upsert: true }),
    ).rejects.toMatchObject({
      code: 121,
    });
  });

  it('lets bypassDocumentValidation through', async () => {
    await (await songs()).insertOne({ plays: 1 }, { bypassDocumentValidation: true });
  });

  it('also works as a query', async () => {
    const collection = await songs();
    await collection.insertMany([{ title: 'a', plays: 1 }, { title: 'b' }], { bypassDocumentValidation: true });
    await collection.insertOne({ plays: 2 }, { bypassDocumentValidation: true });
    expect(await collection.countDocuments({ $jsonSchema: { required: ['title'] } })).toBe(2);
  });
});

describe('a query validator', () => {
  it('refuses what does not match, and honours validationAction "warn" and validationLevel "moderate"', async () => {
    await mongo.db.createCollection('people', { validator: { age: { $gte: 0 } } });
    const people = mongo.db.collection('people');
    await expect(people.insertOne({ age: -1 })).rejects.toMatchObject({ code: 121 });
    await mongo.db.command({ collMod: 'people', validationAction: 'warn' });
    await people.insertOne({ age: -1 });
    await mongo.db.command({ collMod: 'people', validationAction: 'error', validationLevel: 'moderate' });
    // moderate: a document that was already invalid may still change.
    await people.updateOne({ age: -1 }, { $set: { name: 'x' } });
  });
});

describe('through Mongoose', () => {
  it('surfaces as a MongoServerError with code 121', async () => {
    await songs();
    const connection = await mongoose.createConnection(`${mongo.standin.uri}/validation`).asPromise();
    const Song = connection.model('Song', new mongoose.Schema({ title: String, plays: Number }), 'songs');
    await expect(Song.create({ plays: 2 })).rejects.toMatchObject({ name: 'MongoServerError', code: 121 });
    await connection.close();
  });
});
