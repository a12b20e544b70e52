// Temporary folders of a run, named after the process that owns them: removed when it
// ends, and swept at a later start when it was killed before it could remove them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRunning } from './process-table.ts';

const prefix = 'playground-';
const owned = new Set<string>();

interface ScratchFolder {
  path: string;
  remove(): void;
}

/** A fresh folder in the system's temporary folder, removed at remove() or when this process exits. */
export function makeScratchFolder(): ScratchFolder {
  sweepScratchOfEndedProcesses();
  const folder = mkdtempSync(path.join(tmpdir(), `${prefix}${process.pid}-`));
  owned.add(folder);
  return {
    path: folder,
    remove() {
      owned.delete(folder);
      removeFolder(folder);
    },
  };
}

/** Removes the scratch folders whose owner (the number in the name) no longer runs. */
export function sweepScratchOfEndedProcesses(): void {
  let names: string[];
  try {
    names = readdirSync(tmpdir());
  } catch {
    return;
  }
  for (const name of names) {
    const owner = Number(new RegExp(`^${prefix}(\\d+)-`).exec(name)?.[1]);
    if (owner && owner !== process.pid && !isRunning(owner)) removeFolder(path.join(tmpdir(), name));
  }
}

/**
 * Removes a folder and everything in it, and never throws: learner code may leave anything in
 * it. A tree too deep for rmSync (Node 20's recurses once a level and overflows its stack near
 * 2,000 levels; paths past the system's limit fail too) goes to the system's rm, which walks
 * any depth, once every folder in it may be written again (code can take that away from a
 * folder it made; chmod -R passes symbolic links by, so nothing outside changes).
 * Synchronous: the exit handler below uses it.
 */
function removeFolder(folder: string): void {
  try {
    rmSync(folder, { recursive: true, force: true });
  } catch {
    if (process.platform === 'win32') return;
    spawnSync('chmod', ['-R', 'u+rwx', folder], { stdio: 'ignore' });
    spawnSync('rm', ['-rf', folder], { stdio: 'ignore' });
  }
}

process.on('exit', () => {
  for (const folder of owned) removeFolder(folder);
});
