// Step 1 of the proof: the whole project, lesson code included, typechecks (strict), is linted
// and formatted, holds nothing unused and no import cycle, all with the project's own tools, run
// side by side with the tests.
import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';
import type { LayeredFile } from '../lessons/layers.ts';
import type { AssembledCopy } from '../lessons/variants.ts';

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
 * `tsc --noEmit` on the project and on every lesson's starter and solution as assembled (a
 * solution alone does not typecheck: it imports files of its starter and of earlier lessons).
 * Incremental, with its notes kept in node_modules/.cache, so that a second proof only
 * re-checks what changed (a few seconds less on a small machine). Errors in an assembled copy
 * are reported at the line of the file it was copied from.
 */
export async function typecheck(copies: AssembledCopy[]): Promise<ToolOutcome> {
  const cache = path.join(projectRoot, 'node_modules', '.cache', 'playground-proof');
  const config = path.join(cache, 'tsconfig.json');
  // Only TypeScript: a lesson may also give a page (lesson 07's public/ holds HTML, CSS and browser JavaScript).
  const files = copies.flatMap((copy) =>
    [...copy.files.keys()].filter((file) => /\.[cm]?tsx?$/.test(file)).map((file) => path.join(copy.dir, file)),
  );
  await mkdir(cache, { recursive: true });
  // The project's own settings and files, plus the copies' (tsconfig.json leaves lesson code out).
  await writeFile(config, JSON.stringify({ extends: path.join(projectRoot, 'tsconfig.json'), files }, null, 2));
  const outcome = await runTool('typescript/bin/tsc', [
    '-p',
    config,
    '--noEmit',
    '--pretty',
    'false',
    '--incremental',
    '--tsBuildInfoFile',
    path.join(cache, 'tsbuildinfo'),
  ]);
  return { ...outcome, output: atSources(outcome.output, copies) };
}

/** tsc's lines about a copied file, pointed at its source file and line instead; each said once. */
function atSources(output: string, copies: AssembledCopy[]): string {
  const sources = new Map<string, LayeredFile>();
  for (const copy of copies)
    for (const [file, layered] of copy.files)
      sources.set(path.relative(projectRoot, path.join(copy.dir, file)), layered);
  const lines = output.split('\n').map((line) => {
    const [, file, row, rest] = /^(.+?)\((\d+),(.*)$/.exec(line) ?? [];
    const from = file === undefined ? undefined : sources.get(file);
    return from ? `${from.source}(${Number(row) - from.offset},${rest}` : line;
  });
  return [...new Set(lines)].join('\n');
}

/** Biome's linter and formatter over the code (`npm run format` fixes what it can). */
export function lintCheck(): Promise<ToolOutcome> {
  return runTool('@biomejs/biome/bin/biome', ['check', '--colors=off', '.']);
}

/** Prettier over the Markdown (lessons, hints, READMEs), which Biome does not format. */
export function markdownCheck(): Promise<ToolOutcome> {
  return runTool('prettier/bin/prettier.cjs', ['--check', '--log-level', 'warn', '**/*.md']);
}

/** dependency-cruiser: no import cycle, and the packages used only through their public entry (.dependency-cruiser.cjs). */
export function importsCheck(): Promise<ToolOutcome> {
  const rules = ['--config', '.dependency-cruiser.cjs', '--output-type', 'err'];
  return runTool('dependency-cruiser/bin/dependency-cruise.mjs', [
    ...rules,
    'src',
    'packages',
    'lessons',
    'tests',
    'bench',
  ]);
}

/** knip: files, exports and dependencies nothing uses. */
export function unusedCheck(): Promise<ToolOutcome> {
  return runTool('knip/bin/knip.js', ['--no-progress', '--no-config-hints']);
}
