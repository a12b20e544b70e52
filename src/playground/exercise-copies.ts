// The learner's working copies in playground/<slug>/ are made from the lesson's starter
// copy: the files it gives from earlier lessons' solutions, and lessons/<slug>/starter/
// (src/lessons/layers.ts). Never committed, restored without git.
//
// A small record (playground/.starter-copies.json) remembers what each copied file held.
// When a starter improves (a `git pull`), a copy the learner never touched is brought up
// to date; a copy the learner edited is never touched.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { allLessons, lessonPaths, playgroundRoot, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { layeredFiles, type LayeredFile } from '../lessons/layers.ts';
import { writeFileAtomic } from '../files/write-atomic.ts';
import { loadProgress } from '../progress/progress-store.ts';

/** A lesson whose working copy could not be made or checked, and why, in one sentence with the way out. */
interface CopyProblem {
  lesson: LessonEntry;
  message: string;
}

type CopyRecord = Record<string, string>;

const recordFile = () => path.join(playgroundRoot, '.starter-copies.json');

function fingerprint(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

async function readRecord(): Promise<CopyRecord> {
  try {
    const parsed: unknown = JSON.parse(await readFile(recordFile(), 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as CopyRecord) : {};
  } catch {
    return {}; // missing or broken: then no copy counts as untouched, and none is replaced
  }
}

async function writeRecord(record: CopyRecord): Promise<void> {
  await mkdir(playgroundRoot, { recursive: true });
  await writeFileAtomic(recordFile(), JSON.stringify(record, null, 2) + '\n');
}

/** Writes one starter file over the learner's copy (a folder in its place goes) and remembers what it held. */
async function copyStarterFile(lesson: LessonEntry, file: string, starter: LayeredFile, record: CopyRecord) {
  const target = path.join(lessonPaths(lesson).playgroundDir, file);
  if ((await stat(target).catch(() => undefined))?.isDirectory()) await rm(target, { recursive: true, force: true });
  await mkdir(path.dirname(target), { recursive: true });
  // Whole or not at all: a reset stopped half-way must not leave the learner half a file.
  await writeFileAtomic(target, starter.content);
  record[`${lesson.slug}/${file}`] = fingerprint(starter.content);
}

/** The exercise files of the learner's copy that are folders (a file belongs there). */
export async function foldersInPlaceOfFiles(lesson: LessonEntry): Promise<string[]> {
  const { playgroundDir } = lessonPaths(lesson);
  const found: string[] = [];
  for (const file of lesson.exerciseFiles) {
    const info = await stat(path.join(playgroundDir, file)).catch(() => undefined);
    if (info?.isDirectory()) found.push(file);
  }
  return found;
}

const words = {
  en: {
    folders: (files: string, lesson: string) =>
      `${files} should be a file, but is a folder. npm run lesson -- reset ${lesson} puts the starter file back (it asks first).`,
    readOnly: (where: string) =>
      `${where}/ could not be written: the folder is read-only for you. Make playground/ writable (or work in a copy of the project you own), then try again.`,
    other: (where: string, why: string, lesson: string) =>
      `${where}/ could not be brought up to date (${why}). npm run lesson -- reset ${lesson} puts the starter back.`,
  },
  hinglish: {
    folders: (files: string, lesson: string) =>
      `${files} ek file honi chahiye, lekin yahan folder hai. npm run lesson -- reset ${lesson} starter file wapas rakh deta hai (pehle aapse poochta hai).`,
    readOnly: (where: string) =>
      `${where}/ mein likha nahi ja saka: yeh folder aapke liye read-only hai. playground/ ko writable banaiye (ya project ki aisi copy mein kaam kijiye jo aapki apni ho), phir dobara try kijiye.`,
    other: (where: string, why: string, lesson: string) =>
      `${where}/ ko update nahi kiya ja saka (${why}). npm run lesson -- reset ${lesson} starter wapas rakh deta hai.`,
  },
};

/**
 * One sentence for a lesson whose working copy is in a state the playground cannot fix alone, in
 * the learner's language (read only then: reading progress sets a broken progress file aside).
 */
function copyProblem(lesson: LessonEntry, error: NodeJS.ErrnoException, folders: string[]): string {
  const where = path.relative(projectRoot, lessonPaths(lesson).playgroundDir);
  const said = words[loadProgress().progress.language ?? 'en'];
  if (folders.length) return said.folders(folders.map((file) => `${where}/${file}`).join(', '), lesson.number);
  if (error.code === 'EACCES' || error.code === 'EPERM' || error.code === 'EROFS') return said.readOnly(where);
  return said.other(where, error.message, lesson.number);
}

/**
 * Copies the starter files missing from the learner's copy, and brings up to date those the
 * learner never edited. Never overwrites an edit. Returns how many files it wrote.
 */
async function followStarter(lesson: LessonEntry, record: CopyRecord): Promise<number> {
  const { playgroundDir } = lessonPaths(lesson);
  let written = 0;
  for (const [file, starter] of await layeredFiles(lesson, 'starter')) {
    const target = path.join(playgroundDir, file);
    if (existsSync(target)) {
      const copied = record[`${lesson.slug}/${file}`];
      const untouched = copied !== undefined && copied === fingerprint(await readFile(target));
      if (!untouched || copied === fingerprint(starter.content)) continue;
    }
    await copyStarterFile(lesson, file, starter, record);
    written++;
  }
  return written;
}

/**
 * Makes sure every lesson has an up-to-date working copy; the learner's edits are kept.
 * A lesson whose copy cannot be made (a folder where a file belongs, a read-only folder)
 * is skipped and reported; every other lesson is still brought up to date. Never throws.
 */
export async function ensurePlayground(): Promise<CopyProblem[]> {
  const record = await readRecord();
  // All lessons at once: every check waits on this, and one lesson after another took 40-60 ms.
  const outcomes = await Promise.all(
    allLessons().map(async (lesson) => {
      const folders = await foldersInPlaceOfFiles(lesson);
      try {
        if (folders.length) throw Object.assign(new Error('a folder where a file belongs'), { code: 'EISDIR' });
        return { written: await followStarter(lesson, record) };
      } catch (error) {
        return {
          written: 0,
          problem: { lesson, message: copyProblem(lesson, error as NodeJS.ErrnoException, folders) },
        };
      }
    }),
  );
  if (outcomes.some((outcome) => outcome.written)) await writeRecord(record).catch(() => undefined);
  return outcomes.flatMap((outcome) => (outcome.problem ? [outcome.problem] : []));
}

/** A working copy the playground may not write to: the message is the sentence to show, with the way out. */
export class ReadOnlyCopyError extends Error {}

/** Puts the pristine starter files back over the learner's copy (after the learner confirmed), folders in their way included. */
export async function resetExercise(lesson: LessonEntry): Promise<string[]> {
  const record = await readRecord();
  const files = await layeredFiles(lesson, 'starter');
  try {
    for (const [file, starter] of files) await copyStarterFile(lesson, file, starter, record);
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new ReadOnlyCopyError(copyProblem(lesson, error as NodeJS.ErrnoException, []));
    throw error;
  }
  await writeRecord(record).catch(() => undefined);
  return [...files.keys()];
}
