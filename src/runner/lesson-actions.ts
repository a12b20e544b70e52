// What the runner can do with a lesson, shared by the menu (npm start) and the command
// line (npm run lesson): show it, give a hint, reset the exercise, compare with the solution.
// Each returns text to print, in the learner's language; asking the learner is the caller's job.
import path from 'node:path';
import { lessonPaths, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { lessonProgress, loadProgress, noteHintShown, noteReset, type Language } from '../progress/progress-store.ts';
import type { ReadIn } from '../check/index.ts';
import { lessonWords } from './lesson-words.ts';
import { hintCount, readHints, readLessonText } from './lesson-texts.ts';
import { renderMarkdown } from './markdown-render.ts';
import { paint } from '../terminal/terminal.ts';

/** The lesson's text rendered for the terminal, without the files to edit. */
export function lessonBody(lesson: LessonEntry, language: Language): string {
  return renderMarkdown(readLessonText(lesson, language)).trimEnd() + '\n';
}

/** The files to edit, under their heading: said below the lesson, even when the learner skipped to the end. */
export function filesToEdit(lesson: LessonEntry, language: Language): string {
  const heading = paint('bold', lessonWords(language).filesHeading);
  return [heading, ...exerciseFiles(lesson).map((file) => `  ${paint('cyan', file)}`)].join('\n') + '\n';
}

/** The lesson's text rendered for the terminal, with the files to edit at the end. */
export function lessonScreenText(lesson: LessonEntry, language: Language): string {
  return `${lessonBody(lesson, language)}\n${filesToEdit(lesson, language)}`;
}

/** The learner's exercise files, relative to the project root. */
export function exerciseFiles(lesson: LessonEntry): string[] {
  const { playgroundDir } = lessonPaths(lesson);
  return lesson.exerciseFiles.map((file) => path.relative(projectRoot, path.join(playgroundDir, file)));
}

/** A hint, rendered, or why the number asked for is not one (`found` false). */
interface HintAnswer {
  found: boolean;
  text: string;
}

/**
 * The next hint (or hint `which`), rendered, and remembered in progress. After the last
 * hint, the last one is shown again with a pointer to the solution.
 */
export function hintFor(
  lesson: LessonEntry,
  language: Language,
  which?: number,
  readIn: ReadIn = 'command line',
): HintAnswer {
  const words = lessonWords(language);
  const hints = readHints(lesson, language);
  let index: number;
  if (which !== undefined) {
    index = hints.findIndex((hint) => hint.number === which);
    if (index < 0) return { found: false, text: words.noSuchHint(lesson.number, hints.length, String(which)) };
  } else {
    index = Math.min(hintCount(lesson).shown, hints.length - 1);
  }
  const hint = hints[index];
  noteHintShown(lesson.slug, index + 1);
  const lines = [paint('bold', words.hintOf(hint.number, hints.length))];
  lines.push(renderMarkdown(hint.markdown).trimEnd());
  if (index === hints.length - 1) lines.push(paint('dim', words.lastHint(lesson.number, readIn)));
  return { found: true, text: lines.join('\n\n') + '\n' };
}

/** What to ask before a reset: which files go back, and any folder that stands where a file belongs. */
export async function resetQuestion(lesson: LessonEntry, language: Language): Promise<string> {
  const { foldersInPlaceOfFiles } = await import('../playground/exercise-copies.ts');
  const folders = await foldersInPlaceOfFiles(lesson);
  return lessonWords(language).resetQuestion(exerciseFiles(lesson).join(', '), folders);
}

/**
 * Puts the starter files back (the caller has asked for confirmation); returns what to print.
 * A lesson marked done is not any more: its code is the starter's now.
 */
export async function resetLessonFiles(lesson: LessonEntry, language: Language): Promise<string> {
  const { resetExercise } = await import('../playground/exercise-copies.ts');
  // The given files (the page, earlier lessons' files) are laid back too, but the learner was asked
  // about their own files only: those are the ones said.
  const asked = new Set(lesson.exerciseFiles);
  const files = (await resetExercise(lesson)).filter((file) => asked.has(file));
  const words = lessonWords(language);
  const wasDone = lessonProgress(loadProgress().progress, lesson.slug).done === true;
  noteReset(lesson.slug);
  const where = path.relative(projectRoot, lessonPaths(lesson).playgroundDir);
  const said = words.freshStart(files.length, where, files.join(', '));
  return wasDone ? `${said}\n${words.noLongerDone(lesson.number)}` : said;
}
