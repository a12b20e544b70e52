// What the runner can do with a lesson, shared by the menu (npm start) and the command
// line (npm run lesson): show it, give a hint, reset the exercise, compare with the solution.
// Each returns text to print; asking the learner is the caller's job.
import path from 'node:path';
import { lessonPaths, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { lessonProgress, loadProgress, noteHintShown, type Language } from '../progress/progress-store.ts';
import { readHints, readLessonText } from './lesson-texts.ts';
import { renderMarkdown } from './markdown-render.ts';
import { paint, colourEnabled } from './terminal.ts';

/** The lesson's text rendered for the terminal, with the files to edit at the end. */
export function lessonScreenText(lesson: LessonEntry, language: Language): string {
  const parts = [renderMarkdown(readLessonText(lesson, language), { colour: colourEnabled() }).trimEnd()];
  const heading = paint('bold', language === 'hinglish' ? 'Aapki file(s):' : 'Your file(s) to edit:');
  parts.push([heading, ...exerciseFiles(lesson).map((file) => `  ${paint('cyan', file)}`)].join('\n'));
  return parts.join('\n\n') + '\n';
}

/** The learner's exercise files, relative to the project root. */
export function exerciseFiles(lesson: LessonEntry): string[] {
  const { playgroundDir } = lessonPaths(lesson);
  return lesson.exerciseFiles.map((file) => path.relative(projectRoot, path.join(playgroundDir, file)));
}

export interface HintAnswer {
  /** False when the asked hint does not exist. */
  found: boolean;
  text: string;
}

/**
 * The next hint (or hint `which`), rendered, and remembered in progress.
 * After the last hint, the last one is shown again with a pointer to the solution.
 */
export function hintFor(lesson: LessonEntry, language: Language, which?: number): HintAnswer {
  const hints = readHints(lesson, language);
  const shown = lessonProgress(loadProgress().progress, lesson.slug).hintsShown ?? 0;
  let index: number;
  if (which !== undefined) {
    index = hints.findIndex((hint) => hint.number === which);
    if (index < 0)
      return {
        found: false,
        text: `Lesson ${lesson.number} has hints 1 to ${hints.length}; there is no hint ${which}.`,
      };
  } else {
    index = Math.min(shown, hints.length - 1);
  }
  const hint = hints[index];
  noteHintShown(lesson.slug, index + 1);
  const lines = [paint('bold', `Hint ${hint.number} of ${hints.length}`)];
  lines.push(renderMarkdown(hint.markdown, { colour: colourEnabled() }).trimEnd());
  if (index === hints.length - 1) {
    lines.push(
      paint(
        'dim',
        `That was the last hint. Still stuck? Compare with the solution: npm run lesson -- solution ${lesson.number}`,
      ),
    );
  }
  return { found: true, text: lines.join('\n\n') + '\n' };
}

/** What to ask before a reset: which files go back, and any folder that stands where a file belongs. */
export async function resetQuestion(lesson: LessonEntry): Promise<string> {
  const { foldersInPlaceOfFiles } = await import('../playground/exercise-copies.ts');
  const folders = await foldersInPlaceOfFiles(lesson);
  const replaced = folders.length
    ? ` ${folders.join(', ')} ${folders.length === 1 ? 'is a folder' : 'are folders'} now, and will be replaced, with everything inside.`
    : '';
  return `Put the starter back in ${exerciseFiles(lesson).join(', ')}? Your changes there will be lost.${replaced}`;
}

/** Puts the starter files back (the caller has asked for confirmation); returns what to print. */
export async function resetLessonFiles(lesson: LessonEntry): Promise<string> {
  const { resetExercise } = await import('../playground/exercise-copies.ts');
  const files = await resetExercise(lesson);
  const where = path.relative(projectRoot, lessonPaths(lesson).playgroundDir);
  return `Fresh start: ${files.length} file(s) in ${where}/ are back to the starter (${files.join(', ')}).`;
}
