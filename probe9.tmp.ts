import { availableParallelism } from 'node:os';
import { runChecks } from './src/check/index.ts';
import { proofPlan } from './src/prove/proof-plan.ts';
const variants = proofPlan();
const t0 = performance.now();
const report = await runChecks(variants.map((v) => v.request), { maxWorkers: availableParallelism() + 1 });
console.log('variants', variants.length, 'wall', ((performance.now() - t0) / 1000).toFixed(1), 'results', report.results.length);
process.exit(0);
