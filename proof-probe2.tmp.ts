import { runChecks } from './src/check/index.ts';
import { proofPlan } from './src/prove/proof-plan.ts';
const { variants } = proofPlan();
const report = await runChecks(variants.slice(0, 2).map((v) => v.request), { includeEngine: false });
console.log(report.results.map((r) => [r.name, r.passed, JSON.stringify(r.problem)]));
console.log(report.unhandledErrors, report.output.slice(-2000));
process.exit(0);
