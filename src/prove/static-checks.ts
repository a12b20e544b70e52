// Step 1 of the proof: the whole project typechecks (strict) and is formatted, both with
// the project's own tools, run side by side with the tests.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';

export interface ToolOutcome {
  ok: boolean;
  /** The tool's own words (its list of problems), empty when all is well. */
  output: string;
  durationMs: number;
}

/** Runs a tool of node_modules with node and collects what it says. */
function runTool(script: string, args: string[]): Promise<ToolOutcome> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules', script), ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => {
    child.once('error', (error) =>
      resolve({ ok: false, output: error.message, durationMs: performance.now() - started }),
    );
    child.once('close', (code) =>
      resolve({ ok: code === 0, output: output.trim(), durationMs: performance.now() - started }),
    );
  });
}

/**
 * `tsc --noEmit`. Incremental, with its notes kept in node_modules/.cache, so that a
 * second proof only re-checks what changed (a few seconds less on a small machine).
 */
export function typecheck(): Promise<ToolOutcome> {
  const buildInfo = path.join(projectRoot, 'node_modules', '.cache', 'playground-proof', 'tsbuildinfo');
  return runTool('typescript/bin/tsc', [
    '--noEmit',
    '--pretty',
    'false',
    '--incremental',
    '--tsBuildInfoFile',
    buildInfo,
  ]);
}

/** `prettier --check .`: lists the files `npm run format` would change. */
export function formatCheck(): Promise<ToolOutcome> {
  return runTool('prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '.']);
}
