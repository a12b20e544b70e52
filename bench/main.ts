// `npm run bench`: runs every bench/*.bench.ts and prints one line per figure.
// Each bench file default-exports an async function returning BenchResult[].
import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './measure.ts';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = (await readdir(benchDir))
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => only.length === 0 || only.some((word) => name.includes(word)))
  .sort();

let missed = 0;
for (const file of files) {
  const { default: runBench } = (await import(pathToFileURL(benchDir + file).href)) as {
    default: () => Promise<BenchResult[]>;
  };
  for (const result of await runBench()) {
    const meets = result.target === undefined || result.median < result.target;
    if (!meets) missed++;
    const goal =
      result.target === undefined ? '' : `  (goal < ${result.target} ${result.unit}: ${meets ? 'met' : 'MISSED'})`;
    console.log(
      `${result.name.padEnd(58)} median ${result.median.toFixed(2).padStart(9)} ${result.unit}  over ${result.runs} runs${goal}`,
    );
  }
}
console.log(missed ? `${missed} figure(s) missed their goal.` : 'Every figure met its goal.');
