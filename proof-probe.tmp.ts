import { availableParallelism } from 'node:os';
import { runChecks } from './src/check/index.ts';
import { proofPlan } from './src/prove/proof-plan.ts';
const { variants } = proofPlan();
const t0 = performance.now();
const report = await runChecks(variants.map((v) => v.request), {
  includeEngine: true,
  maxWorkers: availableParallelism() + 1,
  onProgress: (e) => {
    const at = ((performance.now() - t0) / 1000).toFixed(1);
    if (e.type === 'engine-file') console.log(at, 'engine', e.file.file, e.file.tests.reduce((s, t) => s + (t.durationMs ?? 0), 0) | 0);
    if (e.type === 'finished') console.log(at, 'lesson', e.result.name, e.result.durationMs | 0);
  },
});
console.log('total', ((performance.now() - t0) / 1000).toFixed(1), report.passed, report.unhandledErrors, report.results[0]?.problem, report.output.slice(-3000));
process.exit(0);
