// Runs after `npm install`: gives a fresh clone its ready-to-edit playground/ copies, and
// says so in one line when it made any (a new clone, or a lesson that came with a git pull).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { allLessons, lessonPaths, playgroundRoot } from '../lessons/catalog.ts';
import { filesUnder } from '../lessons/layers.ts';
import { loadProgress } from '../progress/progress-store.ts';
import { ensurePlayground } from './exercise-copies.ts';

/** Every file under `folder`, relative to it (none when it does not exist); hidden ones (the copies' record) aside. */
async function filesIn(folder: string): Promise<Set<string>> {
  const files = await filesUnder(folder).catch(() => [] as string[]);
  return new Set(files.filter((file) => !path.basename(file).startsWith('.')));
}

const words = {
  en: {
    made: (count: number) =>
      `Made playground/: your own copy of every lesson (${count} files), where your code goes. Next: npm start`,
    added: (what: string) => `Added to playground/: ${what}.`,
  },
  hinglish: {
    made: (count: number) =>
      `playground/ ban gaya: har lesson ki aapki apni copy (${count} files), aapka code yahin likhna hai. Ab: npm start`,
    added: (what: string) => `playground/ mein naya: ${what}.`,
  },
};

const lessonFolders = allLessons().map((lesson) => lessonPaths(lesson).playgroundDir);
const hadCopies = lessonFolders.filter((folder) => existsSync(folder));
const before = await filesIn(playgroundRoot);
const problems = await ensurePlayground();
const created = [...(await filesIn(playgroundRoot))].filter((file) => !before.has(file));

if (created.length) {
  const said = words[loadProgress().progress.language ?? 'en'];
  if (!hadCopies.length) console.log(said.made(created.length));
  else {
    // A lesson's whole new folder, or the single files new in folders that were there.
    const newFolders = lessonFolders.filter((folder) => !hadCopies.includes(folder) && existsSync(folder));
    const inNewFolder = (file: string) =>
      newFolders.some((folder) => path.join(playgroundRoot, file).startsWith(folder));
    const what = [
      ...newFolders.map((folder) => `${path.relative(playgroundRoot, folder)}/`),
      ...created.filter((file) => !inNewFolder(file)),
    ];
    console.log(said.added(what.join(', ')));
  }
}
for (const problem of problems) console.error(`Lesson ${problem.lesson.number}: ${problem.message}`);
