// The first screen of `npm start`: the lessons with their progress marks, the cursor on
// the lesson to continue, plus switching language and quitting.
import { isCancel, select } from '@clack/prompts';
import { allLessons, type LessonEntry } from '../lessons/catalog.ts';
import { lessonProgress, type Language, type Progress } from '../progress/progress-store.ts';
import { lessonTitle, lessonToContinue, progressMark } from './lesson-list.ts';

export type MenuChoice = { kind: 'lesson'; lesson: LessonEntry } | { kind: 'language' } | { kind: 'quit' };

/** Asks which lesson to open; Esc or Ctrl-C means quit. */
export async function chooseFromMenu(progress: Progress, language: Language): Promise<MenuChoice> {
  const preselected = lessonToContinue(progress);
  const done = allLessons().filter((lesson) => lessonProgress(progress, lesson.slug).done).length;
  const answer = await select<string>({
    message: `Which lesson? (${done} of ${allLessons().length} done)`,
    initialValue: preselected?.slug,
    maxItems: 12,
    options: [
      ...allLessons().map((lesson) => ({
        value: lesson.slug,
        label: `${progressMark(lesson, progress)} ${lesson.number}  ${lessonTitle(lesson, language)}`,
        hint:
          lesson.slug === preselected?.slug
            ? lessonProgress(progress, lesson.slug).done
              ? 'done'
              : 'continue here'
            : undefined,
      })),
      { value: ':language', label: language === 'hinglish' ? 'Switch to English' : 'Switch to Hinglish' },
      { value: ':quit', label: 'Quit' },
    ],
  });
  if (isCancel(answer) || answer === ':quit') return { kind: 'quit' };
  if (answer === ':language') return { kind: 'language' };
  const lesson = allLessons().find((entry) => entry.slug === answer);
  return lesson ? { kind: 'lesson', lesson } : { kind: 'quit' };
}

/** Asks for the language the first time (and when switching); undefined when cancelled. */
export async function chooseLanguage(current?: Language): Promise<Language | undefined> {
  const answer = await select<Language>({
    message: 'Which language should the lessons speak?',
    initialValue: current ?? 'en',
    options: [
      { value: 'en', label: 'English' },
      { value: 'hinglish', label: 'Hinglish', hint: 'Hindi in Latin letters, with English tech words' },
    ],
  });
  return isCancel(answer) ? undefined : answer;
}
