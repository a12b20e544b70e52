// The learner's lesson 08 app, written out as an ordinary project of its own: their code and
// page from playground/08-your-own-app/, plus package.json, package-lock.json, tsconfig.json,
// .gitignore and a README, in a new (or empty) folder outside the playground. Never .env
// (their secrets), never node_modules, and never into a folder that holds anything.
import { mkdir, readdir, readFile, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { lessonPaths, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { filesUnder } from '../lessons/layers.ts';
import { writeFolderWhole } from '../lessons/variants.ts';
import type { Language } from '../progress/progress-store.ts';
import { appProjectFiles } from './app-package.ts';
import { appReadme } from './app-readme.ts';

/** Where the app goes when no folder is named: a new folder songs-app/ beside the playground. */
export function defaultExportFolder(): string {
  return path.join(projectRoot, '..', 'songs-app');
}

/** Why nothing was written. */
export type ExportRefusal =
  | { kind: 'not-empty' | 'not-a-folder' | 'inside-playground'; folder: string }
  /** An exercise file of the lesson is missing from the learner's copy (or is a folder): `file`, relative to the project. */
  | { kind: 'missing-file'; file: string };

type ExportOutcome = { written: string[] } | { refused: ExportRefusal };

// The learner's own files beyond the exercise files: the code they added beside them, and the page.
const ownFolders = ['src', 'public'];

/** A file that never leaves the playground: installed packages, and .env files with their secrets. */
function staysBehind(file: string): boolean {
  const parts = file.split(path.sep);
  const name = parts.at(-1)!;
  return parts.includes('node_modules') || ((name === '.env' || name.startsWith('.env.')) && name !== '.env.example');
}

/** The learner's files to export, by path relative to their lesson folder; or the exercise file that is missing. */
async function learnersFiles(lesson: LessonEntry): Promise<Map<string, Buffer> | { missing: string }> {
  const dir = lessonPaths(lesson).playgroundDir;
  const files = new Map<string, Buffer>();
  for (const file of lesson.exerciseFiles) {
    const full = path.join(dir, file);
    if (!(await stat(full).catch(() => undefined))?.isFile()) return { missing: path.relative(projectRoot, full) };
    files.set(path.normalize(file), await readFile(full));
  }
  for (const folder of ownFolders) {
    const found = await filesUnder(path.join(dir, folder)).catch(() => [] as string[]);
    for (const file of found.map((inside) => path.join(folder, inside)))
      if (!staysBehind(file)) files.set(file, await readFile(path.join(dir, file)));
  }
  return files;
}

/** Why `folder` cannot take the app, if it cannot: it must be outside the playground, and new or empty. */
async function folderRefusal(folder: string): Promise<ExportRefusal | undefined> {
  const fromProject = path.relative(projectRoot, folder);
  // Inside, the playground's own tools (tsc, biome, vitest, git) would take the app for theirs.
  if (!fromProject.startsWith('..') && !path.isAbsolute(fromProject)) return { kind: 'inside-playground', folder };
  const info = await stat(folder).catch(() => undefined);
  if (info && !info.isDirectory()) return { kind: 'not-a-folder', folder };
  if (info && (await readdir(folder)).length) return { kind: 'not-empty', folder };
  return undefined;
}

/**
 * Writes the learner's copy of `lesson` into `folder` as a project of its own, with a README in
 * `language`; says which files it wrote (relative to `folder`), or why it wrote nothing.
 * `beforeWriting` is called once nothing stands in the way.
 */
export async function exportApp(
  lesson: LessonEntry,
  folder: string,
  language: Language,
  beforeWriting?: () => void,
): Promise<ExportOutcome> {
  const refusal = await folderRefusal(folder);
  if (refusal) return { refused: refusal };
  const own = await learnersFiles(lesson);
  if ('missing' in own) return { refused: { kind: 'missing-file', file: own.missing } };
  beforeWriting?.();
  const learnersPackage = await readFile(path.join(lessonPaths(lesson).playgroundDir, 'package.json'), 'utf8').catch(
    () => undefined,
  );
  const files = new Map<string, string | Buffer>(own);
  for (const [file, content] of await appProjectFiles(learnersPackage)) files.set(file, content);
  files.set('README.md', appReadme(language, projectRoot.replace(/[\\/]$/, '')));
  await mkdir(path.dirname(folder), { recursive: true });
  // An empty folder is taken away first: a rename replaces an empty folder on Linux, not on Windows.
  await rmdir(folder).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  // The app is there whole, or not at all.
  await writeFolderWhole(folder, files);
  return { written: [...files.keys()].sort() };
}
