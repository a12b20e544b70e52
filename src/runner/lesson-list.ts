// The list of lessons with the learner's progress: ✔ done, ▶ next, · not started.
import { allLessons, type LessonEntry } from '../lessons/catalog.ts';
import { lessonProgress, type Language, type Progress } from '../progress/progress-store.ts';
import { lessonTitle } from './lesson-texts.ts';
import { menuWords } from './menu-words.ts';
import { paint as defaultPaint, type Paint } from '../terminal/terminal.ts';

/** The first lesson not done yet (undefined when every lesson is done). */
function nextLesson(progress: Progress): LessonEntry | undefined {
  return allLessons().find((lesson) => !lessonProgress(progress, lesson.slug).done);
}

/** Where to put the cursor: the lesson opened last if it is not done, else the next one. */
export function lessonToContinue(progress: Progress): LessonEntry | undefined {
  const last = allLessons().find((lesson) => lesson.slug === progress.lastLesson);
  if (last && !lessonProgress(progress, last.slug).done) return last;
  return nextLesson(progress) ?? last ?? allLessons()[0];
}

/** ✔, ▶ or · for one lesson. */
export function progressMark(lesson: LessonEntry, progress: Progress, paint: Paint = defaultPaint): string {
  if (lessonProgress(progress, lesson.slug).done) return paint('green', '✔');
  if (nextLesson(progress)?.slug === lesson.slug) return paint('cyan', '▶');
  return paint('dim', '·');
}

/** One line per lesson, "✔ 02  Schema: …", followed by a one-line summary. */
export function formatLessonList(progress: Progress, language: Language, paint: Paint = defaultPaint): string {
  const lines = allLessons().map(
    (lesson) =>
      `  ${progressMark(lesson, progress, paint)} ${paint('bold', lesson.number)}  ${lessonTitle(lesson, language)}`,
  );
  const done = allLessons().filter((lesson) => lessonProgress(progress, lesson.slug).done).length;
  lines.push('', paint('dim', `  ${menuWords(language).legend(done, allLessons().length)}`));
  return lines.join('\n');
}
