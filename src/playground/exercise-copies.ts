// The learner's working copies in playground/<slug>/ are made from the one pristine
// starter in lessons/<slug>/starter/: never committed, restored without git.
//
// A small record (playground/.starter-copies.json) remembers what each copied file held.
// When a starter improves (a `git pull`), a copy the learner never touched is brought up
// to date; a copy the learner edited is never touched.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { allLessons, lessonPaths, playgroundRoot, type LessonEntry } from '../lessons/catalog.ts';

/** Every file of a folder, as paths relative to it. */
export async function filesUnder(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? filesUnder(dir, path.join(prefix, entry.name)) : [path.join(prefix, entry.name)],
    ),
  );
  return nested.flat();
}

type CopyRecord = Record<string, string>;

const recordFile = () => path.join(playgroundRoot, '.starter-copies.json');

async function fingerprint(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
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
  const temporary = `${recordFile()}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(record, null, 2) + '\n');
  await rename(temporary, recordFile());
}

/** Copies one starter file over the learner's copy and remembers what it held. */
async function copyStarterFile(lesson: LessonEntry, file: string, record: CopyRecord): Promise<void> {
  const { starterDir, playgroundDir } = lessonPaths(lesson);
  const target = path.join(playgroundDir, file);
  await mkdir(path.dirname(target), { recursive: true });
  await copyFile(path.join(starterDir, file), target);
  record[`${lesson.slug}/${file}`] = await fingerprint(target);
}

/**
 * Copies the starter files missing from the learner's copy, and brings up to date those the
 * learner never edited. Never overwrites an edit. Returns how many files it wrote.
 */
async function followStarter(lesson: LessonEntry, record: CopyRecord): Promise<number> {
  const { starterDir, playgroundDir } = lessonPaths(lesson);
  if (!existsSync(starterDir)) return 0;
  let written = 0;
  for (const file of await filesUnder(starterDir)) {
    const target = path.join(playgroundDir, file);
    if (existsSync(target)) {
      const copied = record[`${lesson.slug}/${file}`];
      const untouched = copied !== undefined && copied === (await fingerprint(target));
      if (!untouched || copied === (await fingerprint(path.join(starterDir, file)))) continue;
    }
    await copyStarterFile(lesson, file, record);
    written++;
  }
  return written;
}

/** Makes sure every lesson has an up-to-date working copy; the learner's edits are kept. */
export async function ensurePlayground(): Promise<void> {
  const record = await readRecord();
  let written = 0;
  for (const lesson of allLessons()) written += await followStarter(lesson, record);
  if (written) await writeRecord(record);
}

/** Puts the pristine starter files back over the learner's copy (after the learner confirmed). */
export async function resetExercise(lesson: LessonEntry): Promise<string[]> {
  const record = await readRecord();
  const files = await filesUnder(lessonPaths(lesson).starterDir);
  for (const file of files) await copyStarterFile(lesson, file, record);
  await writeRecord(record);
  return files;
}
