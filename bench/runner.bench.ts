// How fast the runner answers: `npm start` to its first prompt (in a real pseudo-terminal,
// through the `script` command), `npm run lesson -- list`, and "run the app" to its URL.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeMedian, type BenchResult } from './measure.ts';

const RUNS = 7;
const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');

/** Starts `command` in its own process group and resolves once its output contains `marker`; then kills the group. */
function untilOutput(command: string, args: string[], marker: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    const timer = setTimeout(() => finish(new Error(`No "${marker}" within 20 s. Output:\n${output}`)), 20_000);
    const finish = (error?: Error) => {
      clearTimeout(timer);
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      child.once('close', () => (error ? reject(error) : resolve()));
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) finish();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
  });
}

/** Runner figures: start to first prompt, the list command, and the app up and listening. */
export default async function benchRunner(): Promise<BenchResult[]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'runner-bench-'));
  const progressFile = path.join(folder, 'progress.json');
  // A returning learner: the language is known, so the first prompt is the lesson menu.
  writeFileSync(progressFile, JSON.stringify({ language: 'en', lessons: {} }));
  const env: NodeJS.ProcessEnv = { ...process.env, PLAYGROUND_PROGRESS_FILE: progressFile, NO_COLOR: '1' };
  delete env.CI;
  delete env.FORCE_COLOR;
  try {
    // For scale, on this machine at this moment: tsx running a file that only prints.
    const emptyFile = path.join(folder, 'empty.ts');
    writeFileSync(emptyFile, "console.log('ready');\n");
    const baseline = await timeMedian(RUNS, () =>
      untilOutput('script', ['-qfec', `stty cols 100 rows 40; ${tsx} ${emptyFile}`, '/dev/null'], 'ready', env),
    );
    // `script` gives the menu a real terminal, as `npm start` in a terminal would have.
    const firstPrompt = await timeMedian(RUNS, () =>
      untilOutput(
        'script',
        ['-qfec', `stty cols 100 rows 40; ${tsx} src/runner/main.ts`, '/dev/null'],
        'Which lesson?',
        env,
      ),
    );
    const list = await timeMedian(RUNS, () =>
      untilOutput(tsx, ['src/runner/cli.ts', 'list'], ' of ', { ...env, CI: 'true' }),
    );
    const appUp = await timeMedian(3, () =>
      untilOutput(tsx, ['src/apps/run-lesson-app.ts', '02', '--target', 'solution'], 'running at http', {
        ...env,
        CI: 'true',
      }),
    );
    return [
      { name: 'runner: (for scale) tsx running a one-line file (pty)', median: baseline, unit: 'ms', runs: RUNS },
      {
        name: 'runner: npm start to the first prompt (tsx, pty)',
        median: firstPrompt,
        unit: 'ms',
        target: 800,
        runs: RUNS,
      },
      { name: 'runner: npm run lesson -- list', median: list, unit: 'ms', runs: RUNS },
      { name: "runner: lesson 02's app started and listening", median: appUp, unit: 'ms', runs: 3 },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
