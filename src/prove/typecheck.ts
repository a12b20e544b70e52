// Step 1 of the proof: the whole project typechecks (strict), with the local tsc.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';

export interface TypecheckOutcome {
  ok: boolean;
  /** tsc's own words (its list of errors), empty when all is well. */
  output: string;
  durationMs: number;
}

/**
 * Runs `tsc --noEmit`. Incremental, with its notes kept in node_modules/.cache, so that a
 * second proof only re-checks what changed (a few seconds less on a small machine).
 */
export function typecheck(): Promise<TypecheckOutcome> {
  const started = performance.now();
  const tsc = path.join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  const buildInfo = path.join(projectRoot, 'node_modules', '.cache', 'playground-proof', 'tsbuildinfo');
  const child = spawn(process.execPath, [tsc, '--noEmit', '--pretty', 'false', '--incremental', '--tsBuildInfoFile', buildInfo], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => {
    child.once('error', (error) => resolve({ ok: false, output: error.message, durationMs: performance.now() - started }));
    child.once('close', (code) => resolve({ ok: code === 0, output: output.trim(), durationMs: performance.now() - started }));
  });
}
