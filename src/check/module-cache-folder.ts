// Where vitest keeps transformed modules between runs. Vitest empties its module cache when
// the installed packages change (node_modules/.package-lock.json), and a run that starts
// right after an `npm install` then finds the folder gone under its feet (ENOENT, every check
// crashed). A folder per set of installed packages is never emptied: a change of packages
// simply starts a new one, and folders of older sets are removed once they are a day old.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../node_modules/.cache/vitest-modules/', import.meta.url));
const dayMs = 24 * 60 * 60 * 1000;

/** The module cache folder for the packages installed now. */
export function moduleCacheFolder(): string {
  let installed = '';
  try {
    installed = readFileSync(fileURLToPath(new URL('../../node_modules/.package-lock.json', import.meta.url)), 'utf8');
  } catch {
    // No npm lock of the installed packages: one folder for all.
  }
  const name = createHash('sha256').update(installed).digest('hex').slice(0, 12);
  removeStaleFolders(name);
  return path.join(root, name);
}

function removeStaleFolders(current: string): void {
  let names: string[];
  try {
    names = readdirSync(root);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === current) continue;
    const folder = path.join(root, name);
    try {
      if (Date.now() - statSync(folder).mtimeMs > dayMs) rmSync(folder, { recursive: true, force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
