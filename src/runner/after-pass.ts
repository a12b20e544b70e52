// What the runner says once a lesson passes: where to go next (and that the solution is now
// there to compare with), or, after the course's last lesson, what the learner has built; and
// after the lesson whose app is exported, how to take it home. "Next" and "last" come from the
// manifest's order.
import { allLessons, exportedLesson, type LessonEntry } from '../lessons/catalog.ts';
import { lessonProgress, loadProgress, type Language } from '../progress/progress-store.ts';
import { lessonTitle } from './lesson-texts.ts';
import type { ReadIn } from '../check/index.ts';
import { lessonWords } from './lesson-words.ts';

/** The lesson after `lesson` in the manifest; undefined after the last. */
export function lessonAfter(lesson: LessonEntry): LessonEntry | undefined {
  const lessons = allLessons();
  return lessons[lessons.findIndex((entry) => entry.slug === lesson.slug) + 1];
}

/** What to say after `lesson` passed (its pass already saved), for the menu or the command line. */
export function afterPassing(lesson: LessonEntry, language: Language, readIn: ReadIn): string {
  const said = whereNext(lesson, language, readIn);
  if (lesson.slug !== exportedLesson()?.slug) return said;
  return `${said}\n${lessonWords(language).exportOffer(readIn)}`;
}

function whereNext(lesson: LessonEntry, language: Language, readIn: ReadIn): string {
  const words = lessonWords(language);
  const next = lessonAfter(lesson);
  if (next) {
    const pointer = words.next(next.number, lessonTitle(next, language), readIn);
    return readIn === 'menu' ? pointer : `${pointer}\n${words.compare(lesson.number)}`;
  }
  const { progress } = loadProgress();
  const open = allLessons().filter((entry) => !lessonProgress(progress, entry.slug).done);
  if (open.length)
    return words.stillOpen(
      open.map((entry) => entry.number),
      readIn,
    );
  const built = allLessons().map((entry) => `${entry.number}  ${lessonTitle(entry, language)}`);
  return readIn === 'menu' ? words.finished(built) : `${words.finished(built)}\n${words.compare(lesson.number)}`;
}
