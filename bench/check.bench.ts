// The check's speed: one lesson checked cold (spawn to verdict), a re-check in watch
// mode after a save, and the whole `npm test`.
// Lesson 02-schema's solution is the subject (a fixture lesson when it is missing);
// a "save" only touches the file's time, so nobody's code is ever rewritten.
import { spawn } from 'node:child_process';
import { existsSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { runChecks, watchCheck, type CheckRequest, type CheckResult } from '../src/check/index.ts';
import { findLesson, lessonPaths, projectRoot } from '../src/lessons/catalog.ts';
import { median, timeMedian, type BenchResult } from './measure.ts';

/** What to check: lesson 02's solution, or the passing fixture until that lesson exists. */
function subject(): { request: CheckRequest; folder: string; file: string; label: string } {
  const lesson = findLesson('02-schema');
  if (lesson && existsSync(lessonPaths(lesson).testFile) && existsSync(lessonPaths(lesson).solutionDir)) {
    const folder = lessonPaths(lesson).solutionDir;
    return {
      request: { lesson, target: 'solution' },
      folder,
      file: path.join(folder, lesson.exerciseFiles[0]),
      label: '02-schema',
    };
  }
  const folder = path.join(projectRoot, 'tests', 'engine', 'fixtures', 'passing');
  return {
    request: { testFile: path.join(folder, 'check.fixture.ts'), name: 'passing' },
    folder,
    file: path.join(folder, 'exercise.ts'),
    label: 'fixture',
  };
}

async function coldCheck(request: CheckRequest): Promise<void> {
  const report = await runChecks([request]);
  if (!report.results[0].passed) throw new Error(`The bench's subject does not pass:\n${report.output}`);
}

/** Median time from a save (a touch) to the watch's result. */
async function watchRecheck(runs: number): Promise<number> {
  const { request, folder, file } = subject();
  let next: (result: CheckResult) => void = () => {};
  const watch = watchCheck(request, folder, { onResult: (result) => next(result), checkNow: false });
  try {
    await watch.ready;
    const samples: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      // A learner saves seconds apart; meanwhile the next run gets ready (src/check/warm-gate.ts).
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const result = new Promise<CheckResult>((resolve) => (next = resolve));
      const started = performance.now();
      const now = new Date();
      utimesSync(file, now, now);
      if (!(await result).passed) throw new Error('The re-check did not pass.');
      if (i > 0) samples.push(performance.now() - started); // the first one starts the warm worker
    }
    return median(samples);
  } finally {
    await watch.stop();
  }
}

function wholeProof(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/prove/main.ts'], {
      cwd: projectRoot,
      env: { ...process.env, CI: 'true' },
      stdio: 'ignore',
    });
    child.once('error', reject);
    child.once('exit', () => resolve());
  });
}

export default async function checkBench(): Promise<BenchResult[]> {
  const { request, label } = subject();
  const coldRuns = 5;
  const watchRuns = 9;
  const proofRuns = Number(process.env.BENCH_PROOF_RUNS ?? 1);
  return [
    {
      name: `check: one lesson cold, spawn to verdict (${label})`,
      median: await timeMedian(coldRuns, () => coldCheck(request)),
      unit: 'ms',
      target: 2500,
      runs: coldRuns,
    },
    {
      name: `check: watch re-check after a save (${label})`,
      median: await watchRecheck(watchRuns),
      unit: 'ms',
      target: 600,
      runs: watchRuns,
    },
    {
      name: 'check: whole npm test (typecheck + every lesson + engine)',
      median: (await timeMedian(proofRuns, wholeProof, 0)) / 1000,
      unit: 's',
      target: 60,
      runs: proofRuns,
    },
  ];
}
