// Runs `npm run lesson -- …` and `npm start` the way CI does: a child process, CI=true,
// stdin not a terminal, no colours, and a temporary progress file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { onTestFinished } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/lessons/catalog.ts';

export interface Ran {
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
