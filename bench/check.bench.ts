// The check's speed, measured on the commands a learner runs, each beside its floor
// measured in the same run (machines differ; ratios travel better than seconds):
// - floors: `npx vitest run` of one trivial test file with this project's config, and tsx
//   running a one-line file;
// - `npm run lesson -- check 2`, cold, on the solution (a playground of its own, so the
//   learner's files are never touched);
// - `npm run lesson -- watch 2`: from a save to the verdict on screen;
// - the menu (`npm start` in a real terminal, through tmux when it is installed): the first
//   "Check my solution" of a lesson screen and the later ones;
// - with BENCH_PROOF_RUNS=n, the whole `npm test`.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findLesson, lessonPaths, projectRoot } from '../src/lessons/catalog.ts';
import { median, type BenchResult } from './measure.ts';
import { menuChecks } from './menu-driver.ts';

const lesson = findLesson('02')!;

/** Runs a command to its end and answers how long it took, in milliseconds. */
function timed(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: projectRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${command} ${args.join(' ')} ended with ${code}:\n${output}`)),
    );
  });
}

/**
 * The median of each measure over `runs` rounds, the measures taken in turn within a round, so
 * that a figure and its floor see the same machine: one measured in a quiet minute and the
 * other in a busy one made their ratio swing by 0.3x. A first untimed round fills the disk
 * caches, as any learner's first check did long ago.
 */
async function interleaved(runs: number, measures: Array<() => Promise<number>>): Promise<number[]> {
  for (const measure of measures) await measure();
  const all: number[][] = measures.map(() => []);
  for (let i = 0; i < runs; i++) for (const [index, measure] of measures.entries()) all[index].push(await measure());
  return all.map(median);
}

/** From a save (a touch) to the verdict of `npm run lesson -- watch`, on the untouched starter (it keeps failing). */
async function watchRechecks(runs: number, env: NodeJS.ProcessEnv, file: string): Promise<number> {
  const child = spawn('npm', ['run', '-s', 'lesson', '--', 'watch', lesson.number], {
    cwd: projectRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let verdicts = 0;
  let onVerdict: () => void = () => {};
  child.stdout.on('data', (chunk: Buffer) => {
    const found = chunk.toString().match(/^(Not yet|Getting there)/gm)?.length ?? 0;
    for (let i = 0; i < found; i++) {
      verdicts++;
      onVerdict();
    }
  });
  const nextVerdict = () => new Promise<void>((resolve) => (onVerdict = resolve));
  try {
    if (verdicts === 0) await nextVerdict(); // the first check, at the start
    const all: number[] = [];
    for (let i = 0; i < runs; i++) {
      // A learner saves seconds apart; meanwhile the next run gets ready.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const verdict = nextVerdict();
      const started = performance.now();
      const now = new Date();
      utimesSync(file, now, now);
      await verdict;
      all.push(performance.now() - started);
    }
    return median(all);
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
}

export default async function checkBench(): Promise<BenchResult[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'check-bench-'));
  const playground = path.join(folder, 'playground');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: 'true',
    NO_COLOR: '1',
    PLAYGROUND_DIR: playground,
    PLAYGROUND_PROGRESS_FILE: path.join(folder, 'progress.json'),
  };
  delete env.FORCE_COLOR;
  // The trivial floor file lives where the project's config can pick it up as a plan entry.
  const scratch = path.join(projectRoot, 'tests', 'engine', 'fixtures', '.scratch', `bench-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  writeFileSync(path.join(scratch, 'trivial.test.ts'), "import { test } from 'vitest';\ntest('one', () => {});\n");
  writeFileSync(path.join(folder, 'one-line.ts'), "console.log('ready');\n");
  const trivial = path.relative(projectRoot, path.join(scratch, 'trivial.test.ts'));
  const floorEnv = { ...env, PLAYGROUND_CHECK: JSON.stringify({ projects: [{ name: 'floor', file: trivial }] }) };
  const runs = Number(process.env.BENCH_RUNS ?? 7);
  try {
    cpSync(lessonPaths(lesson).solutionDir, path.join(playground, lesson.slug), { recursive: true });
    const [vitestFloor, tsxFloor, cold] = await interleaved(runs, [
      () => timed('npx', ['vitest', 'run'], floorEnv),
      () => timed(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), [path.join(folder, 'one-line.ts')], env),
      () => timed('npm', ['run', '-s', 'lesson', '--', 'check', lesson.number], env),
    ]);
    rmSync(path.join(playground, lesson.slug), { recursive: true, force: true });
    cpSync(lessonPaths(lesson).starterDir, path.join(playground, lesson.slug), { recursive: true });
    const watch = await watchRechecks(runs, env, path.join(playground, lesson.slug, lesson.exerciseFiles[0]));
    cpSync(lessonPaths(lesson).solutionDir, path.join(playground, lesson.slug), { recursive: true });
    const menu = menuChecks(env, lesson);
    const results: BenchResult[] = [
      { name: 'floor: npx vitest run, one trivial test file', median: vitestFloor, unit: 'ms', runs },
      { name: 'floor: tsx running a one-line file', median: tsxFloor, unit: 'ms', runs },
      { name: 'check: npm run lesson -- check 2, cold', median: cold, unit: 'ms', runs },
      {
        name: 'check: cold check / vitest floor',
        median: cold / vitestFloor,
        unit: 'x',
        target: 1.6,
        runs,
      },
      { name: 'check: npm run lesson -- watch 2, save to verdict', median: watch, unit: 'ms', target: 250, runs },
    ];
    const measured = await menu;
    if (measured) {
      results.push(
        { name: 'check: menu, first check of a lesson screen', median: measured.first, unit: 'ms', runs: 1 },
        {
          name: 'check: menu, later checks of a lesson screen',
          median: measured.later,
          unit: 'ms',
          target: 600,
          runs: measured.runs,
        },
      );
    } else {
      console.log('(menu figures skipped: they need tmux to give the menu a real terminal)');
    }
    const proofRuns = Number(process.env.BENCH_PROOF_RUNS ?? 0);
    if (proofRuns) {
      const [proof] = await interleaved(proofRuns - 1, [
        () => timed('npm', ['test'], { ...process.env, CI: 'true' }).then((ms) => ms / 1000),
      ]);
      results.push({ name: 'check: whole npm test', median: proof, unit: 's', target: 60, runs: proofRuns });
    }
    return results;
  } finally {
    rmSync(folder, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
  }
}
