// Runs `npm run lesson -- …` and `npm start` the way CI does: a child process, CI=true,
// stdin not a terminal, no colours, and a temporary progress file.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/lessons/catalog.ts';

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh progress file path (not created) in a temporary folder, removed when the test ends. Call it inside a test. */
export function temporaryProgressFile(): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'runner-progress-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  return path.join(folder, 'progress.json');
}

/** The command line of an npm script, as package.json gives it (`node src/runner/cli-entry.mjs`). */
export function scriptCommand(script: string): string[] {
  const { scripts } = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
  return (scripts[script] as string).split(' ');
}

/**
 * Runs `npm run lesson` (cli) or `npm start` (main) with `args` and no terminal, without npm in
 * between; as the user `uid` (and its group) when given.
 */
export function runEntry(
  entry: 'cli' | 'main',
  args: string[],
  progressFile: string,
  env: Record<string, string> = {},
  uid?: number,
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const childEnv: NodeJS.ProcessEnv = {
      ...process.env,
      CI: 'true',
      NO_COLOR: '1',
      PLAYGROUND_PROGRESS_FILE: progressFile,
      ...env,
    };
    delete childEnv.FORCE_COLOR; // vitest sets it for its own output
    const [, ...command] = scriptCommand(entry === 'cli' ? 'lesson' : 'start');
    const child = spawn(process.execPath, [...command, ...args], {
      cwd: projectRoot,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: childEnv,
      ...(uid === undefined ? {} : { uid, gid: uid }),
    });
    child.stdin.end(); // stdin is a pipe, never a terminal, and nothing will ever be typed
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** An npm script running in the background, watched through what it prints. */
export interface ScriptRun {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  output(): string;
  /** Resolves with the first match of `pattern` in what it printed after `from` characters; rejects if it ends first. */
  until(pattern: RegExp, from?: number): Promise<RegExpExecArray>;
  exited: Promise<number | null>;
}

/**
 * Starts `npm run <script> -- …args` without npm in between and no terminal, with `env` over
 * the CI environment; every wait is for something it prints, never for a time.
 */
export function startScript(script: string, args: string[], env: NodeJS.ProcessEnv): ScriptRun {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, CI: 'true', NO_COLOR: '1', ...env };
  delete childEnv.FORCE_COLOR; // vitest sets it for its own output
  const [, ...command] = scriptCommand(script);
  const child = spawn(process.execPath, [...command, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv,
  });
  let output = '';
  const waiters = new Set<() => void>();
  const seen = (chunk: Buffer) => {
    output += chunk;
    for (const waiter of waiters) waiter();
  };
  child.stdout!.on('data', seen);
  child.stderr!.on('data', seen);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const until = (pattern: RegExp, from = 0) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(output.slice(from));
        if (!match) return;
        waiters.delete(look);
        resolve(match);
      };
      waiters.add(look);
      void exited.then(() => {
        look();
        if (waiters.delete(look)) reject(new Error(`npm run ${script} ended without printing ${pattern}:\n${output}`));
      });
      look();
    });
  return { child, output: () => output, until, exited };
}
