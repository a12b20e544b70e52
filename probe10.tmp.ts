import { runChecks } from './src/check/index.ts';
import { proofPlan } from './src/prove/proof-plan.ts';
const n = Number(process.argv[2]);
const variants = proofPlan().filter((v) => v.lesson.number === '04').slice(0, n);
const report = await runChecks(variants.map((v) => v.request), { maxWorkers: 1 });
console.log('variants', variants.length, report.results.map((r) => r.passed));
process.exit(0);
