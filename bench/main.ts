// `npm run bench`: runs every bench/*.bench.ts and packages/*/bench/*.bench.ts, and prints one line per figure.
// Each bench file default-exports an async function returning BenchResult[].
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './measure.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.slice(2);
const packages = await readdir(path.join(root, 'packages'));
const folders = ['bench', ...packages.map((name) => path.join('packages', name, 'bench'))];
const files: string[] = [];
for (const folder of folders)
  for (const name of await readdir(path.join(root, folder)).catch(() => []))
    if (name.endsWith('.bench.ts')) files.push(path.join(folder, name));
const nameOf = (file: string) => path.basename(file, '.bench.ts');
const names = files.map(nameOf).sort();
if (only.some((word) => word === '--help' || word === '-h')) {
  console.log(
    `Usage: npm run bench [-- <name>...]\nMeasures what a learner waits for; with names, only those benches: ${names.join(', ')}.`,
  );
  process.exit(0);
}
const unknown = only.filter((word) => !names.some((name) => name.includes(word)));
if (unknown.length) {
  console.error(`No bench is named "${unknown.join('", "')}". The benches: ${names.join(', ')}.`);
  process.exit(2);
}
const chosen = files
  .filter((file) => only.length === 0 || only.some((word) => nameOf(file).includes(word)))
  .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));

let missed = 0;
for (const file of chosen) {
  const { default: runBench } = (await import(pathToFileURL(path.join(root, file)).href)) as {
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
