// Geospatial queries for "find places near me": 2dsphere and 2d indexes, $near and
// $nearSphere (nearest first), $geoWithin, $geoIntersects and $geoNear, through Mongoose
// and the driver; what stays out is refused naming MONGODB_URI.
import mongoose from 'mongoose';
import { describe, expect, it } from 'vitest';
import { useStandinClient } from './support/standin-client.ts';

const mongo = useStandinClient('geo');

const point = (lng: number, lat: number) => ({ type: 'Point', coordinates: [lng, lat] });
const PARIS = [
  { name: 'Eiffel', location: point(2.2945, 48.8584) },
  { name: 'Louvre', location: point(2.3376, 48.8606) },
  { name: 'London', location: point(-0.1276, 51.5072) },
];

async function places() {
  const collection = mongo.db.collection('places');
  await collection.createIndex({ location: '2dsphere' });
  await collection.insertMany(PARIS.map((place) => ({ ...place })));
  return collection;
}

const names = (docs: Record<string, unknown>[]) => docs.map((doc) => doc.name);
const near = { type: 'Point' as const, coordinates: [2.29, 48.85] as [number, number] };

describe('$near with a 2dsphere index', () => {
  it('returns the places within $maxDistance metres, nearest first', async () => {
    const found = await (await places())
      .find({ location: { $near: { $geometry: near, $maxDistance: 5000 } } })
      .toArray();
    expect(names(found)).toEqual(['Eiffel', 'Louvre']);
  });

  it('needs a geo index: without one it fails with NoQueryExecutionPlans (291)', async () => {
    await mongo.db.collection('bare').insertOne({ location: point(0, 0) });
    await expect(
      mongo.db
        .collection('bare')
        .find({ location: { $near: { $geometry: near } } })
        .toArray(),
    ).rejects.toMatchObject({ code: 291 });
  });

  it('refuses to store a value a 2dsphere index cannot read (16755)', async () => {
    await expect(
      (await places()).insertOne({ location: { type: 'Point', coordinates: ['x', 'y'] } }),
    ).rejects.toMatchObject({
      code: 16755,
    });
  });
});

describe('$geoWithin', () => {
  it('finds points in a GeoJSON polygon', async () => {
    const square = {
      type: 'Polygon',
      coordinates: [
        [
          [2, 48],
          [3, 48],
          [3, 49],
          [2, 49],
          [2, 48],
        ],
      ],
    };
    expect(names(await (await places()).find({ location: { $geoWithin: { $geometry: square } } }).toArray())).toEqual([
      'Eiffel',
      'Louvre',
    ]);
  });

  it('finds points within a $centerSphere radius (radians)', async () => {
    const found = await (await places())
      .find({ location: { $geoWithin: { $centerSphere: [[2.3, 48.86], 10 / 6378.1] } } })
      .toArray();
    expect(names(found)).toEqual(['Eiffel', 'Louvre']);
  });

  it('finds legacy points in a $box and a $polygon', async () => {
    const grid = mongo.db.collection('grid');
    await grid.insertMany([
      { name: 'a', at: [1, 1.5] },
      { name: 'b', at: [5, 2] },
    ]);
    expect(
      names(
        await grid
          .find({
            at: {
              $geoWithin: {
                $box: [
                  [0, 0],
                  [2, 2],
                ],
              },
            },
          })
          .toArray(),
      ),
    ).toEqual(['a']);
    expect(
      names(
        await grid
          .find({
            at: {
              $geoWithin: {
                $polygon: [
                  [0, 0],
                  [6, 0],
                  [6, 6],
                ],
              },
            },
          })
          .toArray(),
      ),
    ).toEqual(['b']);
  });
});

describe('$geoIntersects', () => {
  it('finds the areas that contain a point', async () => {
    const areas = mongo.db.collection('areas');
    await areas.insertOne({
      name: 'Paris',
      area: {
        type: 'Polygon',
        coordinates: [
          [
            [2, 48],
            [3, 48],
            [3, 49],
            [2, 49],
            [2, 48],
          ],
        ],
      },
    });
    await areas.insertOne({
      name: 'Elsewhere',
      area: {
        type: 'Polygon',
        coordinates: [
          [
            [10, 10],
            [11, 10],
            [11, 11],
            [10, 10],
          ],
        ],
      },
    });
    expect(names(await areas.find({ area: { $geoIntersects: { $geometry: near } } }).toArray())).toEqual(['Paris']);
  });

  it('refuses a LineString, naming MONGODB_URI', async () => {
    await expect(
      (await places())
        .find({
          location: {
            $geoIntersects: {
              $geometry: {
                type: 'LineString',
                coordinates: [
                  [0, 0],
                  [1, 1],
                ],
              },
            },
          },
        })
        .toArray(),
    ).rejects.toMatchObject({ code: 2, message: expect.stringContaining('MONGODB_URI') });
  });
});

describe('through Mongoose', () => {
  it('finds the nearest places with $geoNear and their distances', async () => {
    const connection = await mongoose.createConnection(`${mongo.standin.uri}/geo`).asPromise();
    const schema = new mongoose.Schema({ name: String, location: { type: { type: String }, coordinates: [Number] } });
    schema.index({ location: '2dsphere' });
    const Place = connection.model('Place', schema);
    await Place.init();
    await Place.create(PARIS);
    const nearest = await Place.aggregate<{ name: string; metres: number }>([
      { $geoNear: { near, distanceField: 'metres', spherical: true, maxDistance: 10_000 } },
      { $project: { _id: 0, name: 1, metres: 1 } },
    ]);
    expect(nearest.map((place) => place.name)).toEqual(['Eiffel', 'Louvre']);
    expect(nearest[0].metres).toBeCloseTo(991.5, 0);
    const within = await Place.find({ location: { $nearSphere: { $geometry: near, $maxDistance: 2000 } } }).lean();
    expect(within.map((place) => place.name)).toEqual(['Eiffel']);
    await connection.close();
  });
});
