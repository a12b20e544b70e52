// `npm test`: proves the playground honest. Every lesson is whole (src/prove/anatomy.ts);
// the project, lesson code included, typechecks; the engine's own tests pass; and every
// lesson's tests pass on its solution, fail on its starter, and fail on each known mistake
// with that mistake's own explanation. All the tests in one vitest start (the check engine,
// src/check/), so it stays under a minute or two.
// The last line is always "N passed, N failed" (CI reads it); the exit code is 0 only if all is well.
import { availableParallelism } from 'node:os';
import { spinner } from '@clack/prompts';
import { judgeDigestsCurrent, runChecks, type CheckResult } from '../check/index.ts';
import { allLessons } from '../lessons/catalog.ts';
import { assembledCopy, type AssembledCopy } from '../lessons/variants.ts';
import { proofPlan } from './proof-plan.ts';
import { anatomyProblems, appExportProblems, type AnatomyProblem } from './anatomy.ts';
import { engineCounts, engineLine, mark, paint, plain } from './summary.ts';
import { importsCheck, lintCheck, markdownCheck, typecheck, unusedCheck, type ToolOutcome } from './static-checks.ts';
import { judge } from './verdicts.ts';
import { takeCharge } from '../processes/take-charge.ts';

takeCharge();

const started = performance.now();
const variants = proofPlan();
const anatomy: AnatomyProblem[] = [...(await anatomyProblems()), ...(await appExportProblems())];
// Checks trust only the tests these digests name: a test changed on purpose is recorded, never trusted silently.
if (!judgeDigestsCurrent())
  anatomy.push({
    where: 'tests/judge-digests.json',
    what: 'differs from the tests as they are (after changing a test on purpose: npm run digests)',
  });

// Every starter and solution assembled now: the typecheck reads them, and the tests' workers
// then find them ready. A lesson whose files cannot be laid together fails here, said once.
const copies: AssembledCopy[] = [];
for (const lesson of allLessons())
  for (const target of ['starter', 'solution'] as const)
    await assembledCopy(lesson, target).then(
      (copy) => copies.push(copy),
      (error: Error) =>
        anatomy.push({ where: lesson.slug, what: `its ${target} cannot be assembled: ${error.message}` }),
    );

const progress = plain ? undefined : spinner();
let finished = 0;
progress?.start(`Typechecking, and running ${variants.length} lesson variants and the engine tests`);

// The tools and vitest run side by side: most of vitest's time is waiting on workers, not the CPU.
const [types, lint, markdown, unused, imports, report] = await Promise.all([
  typecheck(copies),
  lintCheck(),
  markdownCheck(),
  unusedCheck(),
  importsCheck(),
  runChecks(
    variants.map((variant) => variant.request),
    {
      includeEngine: true,
      // The ceiling is a last resort for one learner's check (stuck code is stopped long before);
      // here it covers ~70 variants and the engine tests at once, so it grows with them: on a
      // 2-core machine with other work beside it the whole run passed the 10 minutes of one check.
      ceilingMs: Math.max(10 * 60_000, variants.length * 30_000),
      // Test files wait on sockets and child processes a good part of the time: one more than the cores.
      maxWorkers: availableParallelism() + 1,
      onProgress: (event) => {
        if (event.type === 'finished') progress?.message(`${++finished} of ${variants.length} lesson variants checked`);
      },
    },
  ),
]);
progress?.stop('Done.');

let passed = 0;
let failed = 0;
const lines: string[] = [];

/** One line for a tool: what it found, and its own words when it found something. */
function toolLines(tool: ToolOutcome, name: string, good: string, bad: string): string[] {
  if (tool.ok) passed++;
  else failed++;
  const said = tool.ok ? [] : tool.output.split('\n').map((line) => `    ${line}`);
  return [
    `  ${mark(tool.ok)} ${name} ${tool.ok ? good : bad} ${paint('dim', `(${(tool.durationMs / 1000).toFixed(1)} s)`)}`,
    ...said,
  ];
}

lines.push(paint('bold', 'Typecheck, lint, format, unused code, imports'));
lines.push(
  ...toolLines(types, "tsc --noEmit, every lesson's starter and solution included,", 'finds no error', 'finds errors:'),
  ...toolLines(lint, 'biome check', 'finds nothing to fix', 'finds problems (npm run format fixes formatting):'),
  ...toolLines(
    markdown,
    'prettier --check **/*.md',
    'finds every text formatted',
    'finds texts to format (npm run format):',
  ),
  ...toolLines(unused, 'knip', 'finds nothing unused', 'finds unused files, exports or dependencies:'),
  ...toolLines(
    imports,
    'dependency-cruiser',
    'finds no import cycle and no import into a package’s insides',
    'finds imports to change (rules in .dependency-cruiser.cjs):',
  ),
);

lines.push(paint('bold', 'Engine tests'));
if (!report.engine.length) {
  failed++;
  lines.push(`  ${mark(false)} no engine test file ran`);
}
for (const file of report.engine) {
  const counts = engineCounts(file);
  passed += counts.passed;
  failed += counts.failed;
  lines.push(`  ${engineLine(file)}`);
}

lines.push(paint('bold', 'Lessons'));
lines.push(
  `  ${mark(anatomy.length === 0)} ${anatomy.length === 0 ? `every lesson of the manifest is whole (${allLessons().length} lessons)` : 'the anatomy of the lessons (README, "Adding a lesson"):'}`,
);
for (const problem of anatomy) {
  failed++;
  lines.push(`    ${problem.where}: ${problem.what}`);
}
if (anatomy.length === 0) passed++;
variants.forEach((variant, index) => {
  const result: CheckResult = report.results[index];
  const verdict = judge(variant, result);
  if (verdict.ok) passed++;
  else failed++;
  const target = variant.request.target ?? 'playground';
  lines.push(`  ${mark(verdict.ok)} ${variant.lesson.slug} · ${target}: ${verdict.why}`);
});

// Errors vitest caught outside any test and could not pin on one variant.
if (report.unhandledErrors.length) {
  failed++;
  lines.push(`  ${mark(false)} errors outside any test: ${report.unhandledErrors.join(' | ')}`);
}
if (report.timedOut) {
  failed++;
  lines.push(`  ${mark(false)} the checks were stopped at their last-resort ceiling: see the lines above`);
}

lines.push('');
lines.push(paint('dim', `Proved in ${((performance.now() - started) / 1000).toFixed(1)} s.`));
if (report.results.length !== variants.length) {
  failed++;
  lines.push(`  ${mark(false)} ${variants.length} lesson variants were asked for, ${report.results.length} reported`);
}
lines.push(`${passed} passed, ${failed} failed`);
console.log(lines.join('\n'));
// The last line and the exit code tell the same story: 0 exactly when nothing failed.
process.exitCode = failed === 0 ? 0 : 1;
