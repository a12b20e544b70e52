// A starter holds the exercise files and the files the lesson gives ready-made (a model,
// an upload helper). The solution needs the given files too, to run; they must stay
// byte-for-byte the starter's, so the proof says so when one drifts.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import { filesUnder } from '../playground/exercise-copies.ts';

/** What is wrong between a lesson's starter and its solution, one line each; empty when nothing is. */
export async function starterSolutionDrift(lesson: LessonEntry): Promise<string[]> {
  const { starterDir, solutionDir } = lessonPaths(lesson);
  if (!existsSync(starterDir) || !existsSync(solutionDir)) return [];
  const problems: string[] = [];
  for (const file of lesson.exerciseFiles) {
    if (!existsSync(path.join(starterDir, file))) problems.push(`its starter has no ${file}`);
    if (!existsSync(path.join(solutionDir, file))) problems.push(`its solution has no ${file}`);
  }
  const exerciseFiles = new Set(lesson.exerciseFiles.map((file) => path.normalize(file)));
  for (const file of await filesUnder(starterDir)) {
    if (exerciseFiles.has(path.normalize(file))) continue;
    const solutionCopy = path.join(solutionDir, file);
    if (!existsSync(solutionCopy)) problems.push(`its solution lacks the given file ${file}`);
    else if (!(await readFile(solutionCopy)).equals(await readFile(path.join(starterDir, file))))
      problems.push(`the given file ${file} differs between starter/ and solutions/: copy the starter's over it`);
  }
  return problems;
}
