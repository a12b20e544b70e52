// The proof checks the whole anatomy of every lesson, as rustlings' `dev check` does: every
// lesson of the manifest has all its folders and files (README, "Adding a lesson"), nothing
// on disk is missing from the manifest, and a solution or a mistake holds only exercise files.
// Because the proof guarantees all this, the runner needs no fallback for a half-made lesson.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { allLessons, lessonPaths, projectRoot, type LessonAppModule, type LessonEntry } from '../lessons/catalog.ts';
import { filesUnder } from '../lessons/layers.ts';
import { testFileProblems } from './anatomy-imports.ts';
import { sentenceProblems } from './anatomy-sentences.ts';
import { textProblems } from './anatomy-texts.ts';

/** Something missing, extra or wrong in the project's lessons: where (a lesson's slug, or a folder), and what. */
export interface AnatomyProblem {
  where: string;
  what: string;
}

const lessonFiles = ['lesson.md', 'lesson.hinglish.md', 'hints.md', 'hints.hinglish.md', 'app.ts'];

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() === true;
}

async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
}

/** Files of `dir` (relative, with forward slashes), or undefined when it is not a folder. */
async function filesIn(dir: string): Promise<string[] | undefined> {
  if (!(await stat(dir).catch(() => undefined))?.isDirectory()) return undefined;
  return (await filesUnder(dir)).map((file) => file.split(path.sep).join('/'));
}

/** The exercise files a folder lacks, and the files it holds that are not exercise files. */
function againstExerciseFiles(lesson: LessonEntry, files: string[]) {
  return {
    missing: lesson.exerciseFiles.filter((file) => !files.includes(file)),
    extra: files.filter((file) => !lesson.exerciseFiles.includes(file)),
  };
}

async function lessonProblems(root: string, lesson: LessonEntry, lessons: LessonEntry[]): Promise<string[]> {
  const { slug } = lesson;
  const lessonDir = path.join(root, 'lessons', slug);
  const problems: string[] = [];
  if (!new RegExp(`^${lesson.number}-[a-z0-9-]+$`).test(slug))
    problems.push(`its folder name must be its number, a dash and a topic in lower case (like 02-schema)`);
  for (const file of lessonFiles)
    if (!(await isFile(path.join(lessonDir, file)))) problems.push(`has no lessons/${slug}/${file}`);
  if (!(await isFile(path.join(root, 'tests', `${slug}.test.ts`)))) problems.push(`has no tests/${slug}.test.ts`);

  const starter = await filesIn(path.join(lessonDir, 'starter'));
  if (!starter) problems.push(`has no lessons/${slug}/starter/`);
  for (const file of starter ? againstExerciseFiles(lesson, starter).missing : [])
    problems.push(`lessons/${slug}/starter/ has no ${file}, an exercise file`);

  const solution = await filesIn(path.join(root, 'solutions', slug));
  if (!solution) problems.push(`has no solutions/${slug}/`);
  const inSolution = solution ? againstExerciseFiles(lesson, solution) : { missing: [], extra: [] };
  for (const file of inSolution.missing) problems.push(`solutions/${slug}/ has no ${file}, an exercise file`);
  for (const file of inSolution.extra)
    problems.push(
      `solutions/${slug}/${file} is not an exercise file: a solution holds only what the learner writes ` +
        '(a given file belongs in the starter, or in the manifest\'s "given" when an earlier lesson has it)',
    );

  for (const mistake of lesson.mistakes) {
    const files = await filesIn(path.join(lessonDir, 'mistakes', mistake.folder));
    if (!files?.length) problems.push(`has no files in lessons/${slug}/mistakes/${mistake.folder}/`);
    for (const file of files ? againstExerciseFiles(lesson, files).extra : [])
      problems.push(
        `lessons/${slug}/mistakes/${mistake.folder}/${file} is not an exercise file: a mistake holds only those`,
      );
  }
  for (const folder of await folders(path.join(lessonDir, 'mistakes')))
    if (!lesson.mistakes.some((mistake) => mistake.folder === folder))
      problems.push(`lessons/${slug}/mistakes/${folder}/ is not among the manifest's mistakes for this lesson`);

  for (const given of lesson.given ?? []) {
    const from = lessons.find((other) => other.slug === given.fromLesson);
    if (!from || lessons.indexOf(from) >= lessons.indexOf(lesson))
      problems.push(`gives ${given.file} from "${given.fromLesson}", which is not an earlier lesson`);
    else if (
      !from.exerciseFiles.includes(given.file) &&
      !(await isFile(path.join(root, 'lessons', from.slug, 'starter', given.file)))
    )
      problems.push(`gives ${given.file} from ${from.slug}, where it is neither an exercise file nor in the starter`);
    if (lesson.exerciseFiles.includes(given.file)) problems.push(`both gives and asks for ${given.file}`);
    if (starter?.includes(given.file))
      problems.push(`lessons/${slug}/starter/${given.file} is also given from ${given.fromLesson}: keep only one`);
  }

  problems.push(...(await textProblems(lessonDir)));
  problems.push(...(await testFileProblems(root, slug)));
  problems.push(...(await sentenceProblems(root, slug)));
  return problems;
}

/** Folders and files on disk that belong to no lesson of the manifest. */
async function unlistedProblems(root: string, lessons: LessonEntry[]): Promise<AnatomyProblem[]> {
  const slugs = new Set(lessons.map((lesson) => lesson.slug));
  const problems: AnatomyProblem[] = [];
  const unlisted = (where: string) =>
    problems.push({ where, what: 'is not a lesson of lessons/manifest.ts: add the lesson there, or remove it' });
  for (const folder of await folders(path.join(root, 'lessons')))
    if (folder !== 'shared' && !slugs.has(folder)) unlisted(`lessons/${folder}/`);
  for (const folder of await folders(path.join(root, 'solutions')))
    if (!slugs.has(folder)) unlisted(`solutions/${folder}/`);
  for (const name of await readdir(path.join(root, 'tests')).catch(() => [] as string[])) {
    const slug = /^(\d\d-.+)\.test\.ts$/.exec(name)?.[1];
    if (slug && !slugs.has(slug)) unlisted(`tests/${name}`);
  }
  return problems;
}

/** Everything missing, extra or wrong in the lessons under `root`; empty when every lesson is whole. */
export async function anatomyProblems(
  root: string = projectRoot,
  lessons: LessonEntry[] = allLessons(),
): Promise<AnatomyProblem[]> {
  const problems: AnatomyProblem[] = [];
  for (const lesson of lessons)
    for (const what of await lessonProblems(root, lesson, lessons)) problems.push({ where: lesson.slug, what });
  problems.push(...(await unlistedProblems(root, lessons)));
  return problems;
}

/** Lesson apps that do not export createApp() and a tryIt() with requests to try, as the runner needs. */
export async function appExportProblems(lessons: LessonEntry[] = allLessons()): Promise<AnatomyProblem[]> {
  const problems: AnatomyProblem[] = [];
  for (const lesson of lessons) {
    const where = lesson.slug;
    const app: Partial<LessonAppModule> = await import(pathToFileURL(lessonPaths(lesson).appFile).href).catch(
      (error: Error) => {
        problems.push({ where, what: `lessons/${where}/app.ts could not be imported: ${error.message}` });
        return {};
      },
    );
    if (!lesson.ownServer && typeof app.createApp !== 'function')
      problems.push({ where, what: 'its app.ts exports no createApp(exercise)' });
    const requests: unknown = typeof app.tryIt === 'function' ? app.tryIt('http://127.0.0.1:3000') : undefined;
    const listed = Array.isArray(requests) && requests.length > 0;
    if (
      !listed ||
      !requests.every(
        (request) =>
          typeof request?.what === 'string' &&
          typeof request?.whatHinglish === 'string' &&
          typeof request?.command === 'string',
      )
    )
      problems.push({
        where,
        what: 'its app.ts exports no tryIt(baseUrl) giving requests to try, each { what, whatHinglish, command }',
      });
  }
  return problems;
}
