// Temporary folders of a run, named after the process that owns them: removed when it
// ends, and swept at a later start when it was killed before it could remove them.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isRunning } from './is-running.ts';

const prefix = 'playground-';
const owned = new Set<string>();

export interface ScratchFolder {
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
      rmSync(folder, { recursive: true, force: true });
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
    if (owner && owner !== process.pid && !isRunning(owner))
      rmSync(path.join(tmpdir(), name), { recursive: true, force: true });
  }
}

process.on('exit', () => {
  for (const folder of owned) rmSync(folder, { recursive: true, force: true });
});
