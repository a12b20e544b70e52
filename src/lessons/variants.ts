// Assembled copies of a lesson's exercise (its solution, its starter, a known mistake) live at
// paths that change only when their content does:
//   node_modules/.cache/playground-variants/<slug>/<target>-<hash of the files>/
// Each is written once and then reused, so vitest's module cache on disk (keyed by path and
// content) stays warm from one check to the next. Inside node_modules, so that the copy's
// package imports (mongoose, express…) resolve as they do in playground/.
//
// Many processes may want the same copy at once (npm test checks ~33 variants in parallel):
// each writes a folder of its own, then renames it into place. A rename is atomic, so a copy
// is either absent or complete; the first rename wins, and the others use the winner's copy.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { lessonPaths, type LessonEntry } from './catalog.ts';
import { layeredFiles, type AssembledTarget, type LayeredFile } from './layers.ts';

// A copy nobody used for this long is swept when the lesson's next copy is written.
const unusedForMs = 24 * 60 * 60_000;
// A half-written folder this old belongs to a process that died while writing it.
const abandonedAfterMs = 10 * 60_000;

/** An assembled copy: its folder, and where each of its files comes from. */
export interface AssembledCopy {
  dir: string;
  files: Map<string, LayeredFile>;
}

/** Files by path relative to their folder: what storeOnce() writes. */
export type FileContents = Map<string, { content: Buffer }>;

function hashOf(files: FileContents): string {
  const hash = createHash('sha256');
  for (const file of [...files.keys()].sort()) {
    const { content } = files.get(file)!;
    hash.update(`${file}\0${content.length}\0`).update(content);
  }
  return hash.digest('hex').slice(0, 12);
}

/**
 * Writes `files` (by path relative to `dir`) into a folder of this process's own beside `dir`,
 * then renames it to `dir`: the folder is there whole, or not at all. The rename fails when
 * `dir` holds anything.
 */
export async function writeFolderWhole(dir: string, files: Iterable<[string, string | Buffer]>): Promise<void> {
  const temporary = path.join(path.dirname(dir), `.tmp-${process.pid}-${randomUUID()}`);
  try {
    for (const [file, content] of files) {
      const target = path.join(temporary, file);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content);
    }
    await rename(temporary, dir);
  } finally {
    await rm(temporary, { recursive: true, force: true });
  }
}

/** Removes the copies unused for a day and half-written folders of processes that died. */
async function sweepStale(parent: string, keep: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const folder = path.join(parent, name);
    if (folder === keep) continue;
    const info = await stat(folder).catch(() => undefined);
    const limit = name.startsWith('.tmp-') ? abandonedAfterMs : unusedForMs;
    if (info && now - info.mtimeMs > limit) await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The folder parent/<name>-<hash of the files>/ holding `files`: written on first use (then
 * stale siblings are swept), found and reused after. Safe when many processes ask at once.
 */
export async function storeOnce(parent: string, name: string, files: FileContents): Promise<string> {
  const dir = path.join(parent, `${name}-${hashOf(files)}`);
  // Marking it used is also the test that it is there: a copy used today is never swept.
  const now = new Date();
  if (
    await utimes(dir, now, now).then(
      () => true,
      () => false,
    )
  )
    return dir;
  await mkdir(parent, { recursive: true });
  await writeFolderWhole(
    dir,
    [...files].map(([file, { content }]) => [file, content]),
  ).catch(async (error) => {
    // Another process renamed the same copy into place first (ENOTEMPTY, EEXIST, or EPERM on Windows).
    if (!(await stat(dir).catch(() => undefined))?.isDirectory()) throw error;
  });
  await sweepStale(parent, dir);
  return dir;
}

/** The target's copy of the lesson's exercise, assembled on first use and reused while its files stay the same. */
export async function assembledCopy(lesson: LessonEntry, target: AssembledTarget): Promise<AssembledCopy> {
  const files = await layeredFiles(lesson, target);
  return { dir: await storeOnce(lessonPaths(lesson).variantsDir, target.replace(':', '-'), files), files };
}
