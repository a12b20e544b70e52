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

interface FolderWatchOptions {
  /** Force polling (true) or events (false); decided from the platform when omitted. */
  poll?: boolean;
  /** How often polling looks. Default 250 ms. */
  intervalMs?: number;
}

/** Editors' swap, backup and temporary files: never a save of the learner's code. */
function ignored(name: string): boolean {
  const base = path.basename(name);
  return (
    (base.startsWith('.') && base !== '.env.example') ||
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

/** Size and modification time of every file under `folder`; its folders too, as `folder/` keys. */
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
    if (entry.isDirectory()) {
      into.set(path.join(folder, relative) + path.sep, 'folder');
      await snapshot(folder, relative, into);
    } else {
      const info = await stat(path.join(folder, relative)).catch(() => undefined);
      if (info) into.set(path.join(folder, relative), `${info.size}:${info.mtimeMs}`);
    }
  }
  return into;
}

const isFolder = (key: string) => key.endsWith(path.sep);

/**
 * What a check reads: code, the page, settings. Anything else changing (a log, a file the
 * learner's code writes while it is checked, a beep.wav made to try the app) is no save: a
 * check whose code writes a file would otherwise start itself again, over and over.
 */
const isLessonFile = (file: string) => /\.([cm]?[jt]sx?|json|html|css)$|(^|[\\/])\.env\.example$/.test(file);

function differences(before: Snapshot, after: Snapshot): string[] {
  const changed = [...after].filter(([file, stamp]) => before.get(file) !== stamp).map(([file]) => file);
  const removed = [...before.keys()].filter((file) => !after.has(file));
  return [...changed, ...removed].filter((file) => !isFolder(file) && isLessonFile(file));
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
  /** Called after each look with what is there now (the events mode follows new and removed folders). */
  let looked: (now: Snapshot) => void = () => undefined;

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
      looked(now);
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

  // One watcher per folder, not fs.watch's `recursive`: on Linux, Node 20's recursive watch
  // follows each file, and a file saved by rename (vim, an IDE's safe write) is a new file it
  // never sees again. A folder's own watcher sees every entry written, made or renamed in it.
  const watchers = new Map<string, FSWatcher>();
  let fallback: FolderWatch | undefined;
  const onEvent = (_event: string, name: string | Buffer | null) => {
    if (name && ignored(String(name))) return;
    clearTimeout(timer);
    // An editor's save (write, or write-and-rename) fires its events within a few ms; a save
    // still being written when the check starts is checked again at its next event.
    timer = setTimeout(() => void look(), 25);
  };
  const closeAll = () => {
    for (const watcher of watchers.values()) watcher.close();
    watchers.clear();
  };
  // The folder's watcher can die (the folder was removed and made again, a network drive): poll from then on.
  const rootFailed = () => {
    closeAll();
    looked = () => undefined;
    if (!stopped && !fallback) fallback = startPolling();
  };
  looked = (now) => {
    const folders = new Set([folder, ...[...now.keys()].filter(isFolder).map((key) => key.slice(0, -1))]);
    for (const [watched, watcher] of watchers)
      if (!folders.has(watched)) {
        watcher.close();
        watchers.delete(watched);
      }
    for (const watched of folders) {
      if (watchers.has(watched)) continue;
      try {
        const watcher = watch(watched, { persistent: false }, onEvent);
        // A subfolder removed meanwhile: the next look stops following it.
        watcher.on('error', watched === folder ? rootFailed : () => onEvent('rename', null));
        watchers.set(watched, watcher);
      } catch {
        if (watched === folder) return rootFailed();
      }
    }
  };
  looked(known);
  if (fallback) return fallback;
  return {
    get mode() {
      return fallback ? 'polling' : 'events';
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      closeAll();
      fallback?.stop();
    },
  };
}
