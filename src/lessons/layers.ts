// What each copy of a lesson's exercise holds, laid layer over layer: the earlier lessons'
// files it builds on (given, from their solutions), then its starter, then its solution, then
// one known mistake. Each file exists once in the project; a whole copy is only ever assembled
// (src/lessons/variants.ts on disk, src/playground/exercise-copies.ts for the learner).
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { findLesson, lessonPaths, projectRoot, type GivenFile, type LessonEntry } from './catalog.ts';

/** The copies that are assembled; the learner's playground copy is their own folder. */
export type AssembledTarget = 'solution' | 'starter' | `mistake:${string}`;

/** One file of an assembled copy: what it holds, and where that comes from. */
export interface LayeredFile {
  content: Buffer;
  /** The file it was copied from, relative to the project root. */
  source: string;
  /** Lines put on top of the source (a given file's first line), so its line N is line N + offset here. */
  offset: number;
}

/** Every file of a folder (not its folders), as paths relative to it. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
}

/** The first line of a given file in a later lesson: that it is given, and from which lesson. */
export function givenHeader(given: GivenFile): string {
  const from = findLesson(given.fromLesson);
  if (!from) throw new Error(`lessons/manifest.ts gives ${given.file} from "${given.fromLesson}", not a lesson.`);
  return `// Given: lesson ${from.number}'s ${given.file}, as its solution has it (solutions/${from.slug}/). You do not need to edit this file.\n`;
}

/**
 * Where a given file comes from: the earlier lesson's solution when it is one of its exercise
 * files, else that lesson's starter (its page, for instance). Only code gets the header line:
 * a line before <!doctype html> would change how the browser lays the page out.
 */
function givenSource(given: GivenFile): { source: string; header: string } {
  const from = findLesson(given.fromLesson);
  const fromSolution = from?.exerciseFiles.includes(given.file) !== false;
  const source = fromSolution
    ? path.join(projectRoot, 'solutions', given.fromLesson, given.file)
    : path.join(projectRoot, 'lessons', given.fromLesson, 'starter', given.file);
  return { source, header: fromSolution ? givenHeader(given) : '' };
}

async function addFolder(files: Map<string, LayeredFile>, dir: string): Promise<void> {
  for (const file of await filesUnder(dir)) {
    const full = path.join(dir, file);
    files.set(file, { content: await readFile(full), source: path.relative(projectRoot, full), offset: 0 });
  }
}

/** The folder of a known mistake; a mistake the lesson does not have is an error that names them. */
function mistakeDir(lesson: LessonEntry, folder: string): string {
  if (!lesson.mistakes.some((mistake) => mistake.folder === folder)) {
    const known = lesson.mistakes.map((mistake) => mistake.folder).join(', ');
    throw new Error(`Lesson ${lesson.slug} has no known mistake "${folder}" (it has: ${known}).`);
  }
  return path.join(lessonPaths(lesson).mistakesDir, folder);
}

/** The files of a target's copy, by path relative to the copy's folder; a later layer replaces an earlier one's file. */
export async function layeredFiles(lesson: LessonEntry, target: AssembledTarget): Promise<Map<string, LayeredFile>> {
  const { starterDir, solutionDir } = lessonPaths(lesson);
  const files = new Map<string, LayeredFile>();
  for (const given of lesson.given ?? []) {
    const { source, header } = givenSource(given);
    const content = Buffer.concat([Buffer.from(header), await readFile(source)]);
    files.set(path.normalize(given.file), {
      content,
      source: path.relative(projectRoot, source),
      offset: header ? 1 : 0,
    });
  }
  await addFolder(files, starterDir);
  if (target !== 'starter') await addFolder(files, solutionDir);
  if (target.startsWith('mistake:')) await addFolder(files, mistakeDir(lesson, target.slice('mistake:'.length)));
  return files;
}
