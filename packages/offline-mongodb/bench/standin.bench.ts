// Figures for the offline stand-in: start time, Mongoose insertMany and findOne
// (unindexed and unique-indexed) over 10,000 documents, and memory for those documents.
import mongoose from 'mongoose';
import { median, timeMedian, type BenchResult } from '../../../bench/measure.ts';
import { startStandin } from '../src/server.ts';

const DOCS = 10_000;
const songs = () =>
  Array.from({ length: DOCS }, (_, i) => ({ title: `song ${i}`, artist: `artist ${i % 100}`, plays: i }));

/** Heap in use after a full collection when node runs with --expose-gc (else as it stands). */
function heapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

export default async function (): Promise<BenchResult[]> {
  const start = await timeMedian(20, async () => (await startStandin()).stop());

  const standin = await startStandin();
  const connection = await mongoose.createConnection(`${standin.uri}/bench`).asPromise();
  const Song = connection.model(
    'Song',
    new mongoose.Schema({ title: { type: String, unique: true }, artist: String, plays: Number }),
  );
  await Song.init();

  const insertSamples: number[] = [];
  // The first rounds warm up V8 and Mongoose's casting code; time the steady state.
  for (let run = 0; run < 9; run++) {
    await Song.deleteMany({});
    const docs = songs();
    const started = performance.now();
    await Song.insertMany(docs);
    if (run >= 3) insertSamples.push(performance.now() - started);
  }

  let i = 0;
  const unindexed = await timeMedian(200, () => Song.findOne({ plays: DOCS - 1 - (i++ % 50) }).lean(), 20);
  const indexed = await timeMedian(500, () => Song.findOne({ title: `song ${DOCS - 1 - (i++ % 50)}` }).lean(), 50);

  await Song.deleteMany({});
  const memorySamples: number[] = [];
  for (let run = 0; run < 3; run++) {
    await Song.deleteMany({});
    const before = heapMb();
    await Song.insertMany(songs());
    memorySamples.push(heapMb() - before);
  }
  const gcNote =
    typeof (globalThis as { gc?: unknown }).gc === 'function'
      ? ''
      : ' (run node with --expose-gc for a steadier figure)';

  await connection.close();
  await standin.stop();
  return [
    { name: 'stand-in: start', median: start, unit: 'ms', target: 50, runs: 20 },
    {
      name: 'stand-in: Mongoose insertMany of 10,000 documents',
      median: median(insertSamples),
      unit: 'ms',
      target: 300,
      runs: insertSamples.length,
    },
    {
      name: 'stand-in: findOne on an unindexed field over 10,000',
      median: unindexed,
      unit: 'ms',
      target: 2,
      runs: 200,
    },
    {
      name: 'stand-in: findOne on a unique-indexed field over 10,000',
      median: indexed,
      unit: 'ms',
      target: 0.5,
      runs: 500,
    },
    {
      name: `stand-in: heap for 10,000 documents${gcNote}`,
      median: median(memorySamples),
      unit: 'MB',
      target: 50,
      runs: memorySamples.length,
    },
  ];
}
