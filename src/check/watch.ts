// Watch mode: check the learner's files now and again after every save, on a warm
// vitest, until the runner stops it (usually when everything passes).
import path from 'node:path';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import { watchFolder, type FolderWatch } from './file-watch.ts';
import { WarmCheck } from './warm-check.ts';
import type { CheckRequest, CheckResult } from './types.ts';
import { learnerTypedFiles, type TypeIssue } from './types-check/type-checker.ts';

interface WatchOptions {
  /** Called with each result, newest code only (a result overtaken by a newer save is dropped). */
  onResult: (result: CheckResult) => void;
  /** Called with TypeScript's view when it came after its result, for the newest code only; never with none. */
  onLateTypeIssues?: (issues: TypeIssue[]) => void;
  /** Called when a check starts: `changed` lists the saved files (empty for the first check). */
  onStart?: (changed: string[]) => void;
  /** A warm check to use (the menu's, kept between watches); the watch makes and stops its own otherwise. */
  warm?: WarmCheck;
  /** The learner's files, for TypeScript's view beside each verdict (a watch's own warm check only). */
  typeCheck?: string[];
  /** Force polling (true) or fs events (false); chosen from the platform by default. */
  poll?: boolean;
  /** Check once at the start, before any save. Default true. */
  checkNow?: boolean;
}

interface CheckWatch {
  /** Stops watching and stops every process of the check. */
  stop(): Promise<void>;
  /** Resolves once the files are watched and vitest is warm (mostly for tests and benchmarks). */
  readonly ready: Promise<void>;
  /** The warm check the watch runs on. */
  readonly warm: WarmCheck;
}

/** A save during a run this old means the learner fixed something slow: start over rather than wait. */
const restartAfterMs = 3000;

/** Watches the learner's copy of a lesson (playground/<slug>/) and checks it after every save. */
export function watchPlayground(lesson: LessonEntry, options: WatchOptions): CheckWatch {
  const request = { lesson, target: 'playground' } as const;
  return watchCheck(request, lessonPaths(lesson).playgroundDir, { ...options, typeCheck: learnerTypedFiles(lesson) });
}

/** Watches `folder` and runs `request` after every save in it. */
export function watchCheck(request: CheckRequest, folder: string, options: WatchOptions): CheckWatch {
  const warm =
    options.warm ?? new WarmCheck(request, [path.resolve(folder) + path.sep], { typeCheck: options.typeCheck });
  let folderWatch: FolderWatch | undefined;
  let stopped = false;
  let running = false;
  let runStarted = 0;
  let pending: Set<string> | undefined;
  let generation = 0;

  const check = async (changed: string[]) => {
    if (stopped) return;
    if (running) {
      for (const file of changed) (pending ??= new Set()).add(file);
      if (performance.now() - runStarted > restartAfterMs) {
        generation++;
        await warm.restart();
      }
      return;
    }
    running = true;
    runStarted = performance.now();
    const mine = ++generation;
    options.onStart?.(changed);
    const result = await warm.run(changed);
    running = false;
    if (stopped) return;
    if (pending) {
      // Saved again meanwhile: this result is about older code. Check the newest instead.
      const files = [...pending];
      pending = undefined;
      void check(files);
      return;
    }
    if (mine !== generation) return;
    options.onResult(result);
    const issues = await result.typeIssuesLater;
    if (issues?.length && mine === generation && !running && !stopped) options.onLateTypeIssues?.(issues);
  };

  const ready = (async () => {
    folderWatch = await watchFolder(folder, (changed) => void check(changed), { poll: options.poll });
    if (stopped) folderWatch.stop();
    await warm.warmUp().catch(() => undefined);
  })();
  if (options.checkNow ?? true) void ready.then(() => check([]));

  return {
    ready,
    warm,
    async stop() {
      stopped = true;
      // A watch still being set up is stopped by `ready` itself, as soon as it exists.
      folderWatch?.stop();
      await ready.catch(() => undefined);
      if (!options.warm) await warm.stop();
    },
  };
}
