// Noticing the learner's saves in a folder. fs.watch where it works; polling (a stat
// of every file, a few times a second) where it does not: WSL2's /mnt/* drives,
// network folders, or when PLAYGROUND_WATCH_POLL=1. Several writes of one save
// become one change, and only files whose size or time really changed count.
import { watch, type FSWatcher } from 'node:fs';
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { release } from 'node:os';
import path from 'node:path';

export interface FolderWatch {
  /** How changes are noticed. */
  readonly mode: 'events' | 'polling';
  stop(): void;
}

export interface FolderWatchOptions {
  /** Force polling (true) or events (false); decided from the platform when omitted. */
  poll?: boolean;
  /** Quiet time after the last write before a save counts. Default 25 ms. */
  debounceMs?: number;
  /** How often polling looks. Default 250 ms. */
  intervalMs?: number;
}

/** Editors' swap, backup and temporary files: never a save of the learner's code. */
function ignored(name: string): boolean {
  const base = path.basename(name);
  return (
    base.startsWith('.') ||
    base.endsWith('~') ||
    /\.(swp|swx|tmp)$/.test(base) ||
    // Vim writes and deletes "4913" to test that it may write in the folder.
    /^\d+$/.test(base) ||
    base === 'node_modules'
  );
}

/** True where fs.watch is known to miss changes: WSL2 looking at a Windows drive. */
function shouldPoll(folder: string): boolean {
  if (process.env.PLAYGROUND_WATCH_POLL === '1') return true;
  const wsl = /microsoft|wsl/i.test(release()) || process.env.WSL_DISTRO_NAME !== undefined;
  return wsl && path.resolve(folder).startsWith('/mnt/');
}

type Snapshot = Map<string, string>;

/** Size and modification time of every file under `folder`. */
// Walked by hand, not with readdir's `recursive`: polling repeats this a few times a second,
// and only a walk of its own can skip a node_modules or a hidden folder instead of reading it.
async function snapshot(folder: string, prefix = '', into: Snapshot = new Map()): Promise<Snapshot> {
  let entries: Dirent[];
  try {
    entries = await readdir(path.join(folder, prefix), { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries) {
    if (ignored(entry.name)) continue;
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) await snapshot(folder, relative, into);
    else {
      const info = await stat(path.join(folder, relative)).catch(() => undefined);
      if (info) into.set(path.join(folder, relative), `${info.size}:${info.mtimeMs}`);
    }
  }
  return into;
}

function differences(before: Snapshot, after: Snapshot): string[] {
  const changed = [...after].filter(([file, stamp]) => before.get(file) !== stamp).map(([file]) => file);
  const removed = [...before.keys()].filter((file) => !after.has(file));
  return [...changed, ...removed];
}

/** Calls `onChange` with the changed files (absolute) after each save in `folder`. */
export async function watchFolder(
  folder: string,
  onChange: (files: string[]) => void,
  options: FolderWatchOptions = {},
): Promise<FolderWatch> {
  let known = await snapshot(folder);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let looking = false;
  /** A save noticed while looking: look once more, or it would go unchecked. */
  let lookAgain = false;

  const look = async (): Promise<void> => {
    if (stopped) return;
    if (looking) {
      lookAgain = true;
      return;
    }
    looking = true;
    try {
      const now = await snapshot(folder);
      const changed = differences(known, now);
      known = now;
      if (changed.length && !stopped) onChange(changed);
    } finally {
      looking = false;
    }
    if (lookAgain) {
      lookAgain = false;
      await look();
    }
  };

  const startPolling = (): FolderWatch => {
    const interval = setInterval(() => void look(), options.intervalMs ?? 250);
    interval.unref();
    return {
      mode: 'polling',
      stop() {
        stopped = true;
        clearInterval(interval);
      },
    };
  };

  if (options.poll ?? shouldPoll(folder)) return startPolling();

  let watcher: FSWatcher;
  try {
    watcher = watch(folder, { recursive: true, persistent: false });
  } catch {
    return startPolling();
  }
  let fallback: FolderWatch | undefined;
  watcher.on('change', (_event, name) => {
    if (name && ignored(String(name))) return;
    clearTimeout(timer);
    // An editor's save (write, or write-and-rename) fires its events within a few ms; a save
    // still being written when the check starts is checked again at its next event.
    timer = setTimeout(() => void look(), options.debounceMs ?? 25);
  });
  // A watcher can die later (the folder was removed and made again, a network drive): poll from then on.
  watcher.on('error', () => {
    watcher.close();
    if (!stopped) fallback = startPolling();
  });
  return {
    get mode() {
      return fallback ? 'polling' : 'events';
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      watcher.close();
      fallback?.stop();
    },
  };
}
