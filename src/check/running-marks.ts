// The check's side of mark-running-test.ts: a scratch folder for the marks, and
// reading which test each project was running when the time limit struck.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface RunningMarks {
  folder: string;
  /** The test each project started last: project name → describe path and `it` title. */
  read(): Map<string, { path: string[]; title: string }>;
  /** Forgets every mark (before a new run of a warm vitest). */
  clear(): void;
  remove(): void;
}

export function runningMarks(): RunningMarks {
  const folder = mkdtempSync(path.join(tmpdir(), 'playground-check-'));
  const names = () => {
    try {
      return readdirSync(folder);
    } catch {
      return [];
    }
  };
  return {
    folder,
    read() {
      const marks = new Map<string, { path: string[]; title: string }>();
      for (const name of names()) {
        if (name.endsWith('.sock')) continue;
        try {
          marks.set(decodeURIComponent(name), JSON.parse(readFileSync(path.join(folder, name), 'utf8')));
        } catch {
          // Half-written when the process was killed: that test is simply not named.
        }
      }
      return marks;
    },
    clear() {
      for (const name of names()) if (!name.endsWith('.sock')) rmSync(path.join(folder, name), { force: true });
    },
    remove() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
