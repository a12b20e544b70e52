// The first screen of `npm start`: the lessons with their progress marks, the cursor on
// the lesson to continue, plus switching language and quitting.
import { intro, isCancel, outro, select } from '@clack/prompts';
import { allLessons, type LessonEntry } from '../lessons/catalog.ts';
import {
  lessonProgress,
  loadProgress,
  saveLanguage,
  type Language,
  type Progress,
} from '../progress/progress-store.ts';
import type { LessonScreenOptions } from './lesson-screen.ts';
import { lessonToContinue, progressMark } from './lesson-list.ts';
import { lessonTitle } from './lesson-texts.ts';
import { menuWords } from './menu-words.ts';
import { choose, log, screenStreams, type ScreenStreams } from './screen.ts';
import { paint } from '../terminal/terminal.ts';

type MenuChoice = { kind: 'lesson'; lesson: LessonEntry } | { kind: 'language' } | { kind: 'quit' };

/** Runs the menu until the learner quits: the language the first time, then lessons, one screen each. */
export async function openMenu(options: LessonScreenOptions = {}): Promise<void> {
  const streams = screenStreams(options);
  const { output } = streams;
  intro(paint('bold', ' Song backend playground '), { output });
  const loaded = loadProgress();
  if (loaded.missing) log.info('Welcome! Your progress will be saved as you go.', { output });
  else if (loaded.notice) log.warn(loaded.notice, { output });
  let language: Language | undefined = loaded.progress.language;
  if (!language) {
    language = await chooseLanguage(streams);
    if (!language) return outro('See you soon!', { output });
    saveLanguage(language);
  }
  let open: LessonEntry | undefined;
  for (;;) {
    if (!open) {
      const choice = await chooseFromMenu(loadProgress().progress, language, streams);
      if (choice.kind === 'quit') break;
      if (choice.kind === 'language') {
        language = language === 'en' ? 'hinglish' : 'en';
        saveLanguage(language);
        continue;
      }
      open = choice.lesson;
    }
    // Loaded on demand: marked and the lesson's actions are not needed to show the menu.
    const { lessonScreen } = await import('./lesson-screen.ts');
    const end = await lessonScreen(open, language, { ...options, ...streams });
    language = end.language;
    open = end.next; // "Go on to lesson N" opens it at once
  }
  outro(menuWords(language).goodbye, { output });
}

/** Asks which lesson to open; Esc or Ctrl-C means quit. */
async function chooseFromMenu(progress: Progress, language: Language, streams: ScreenStreams): Promise<MenuChoice> {
  const words = menuWords(language);
  const preselected = lessonToContinue(progress);
  const done = allLessons().filter((lesson) => lessonProgress(progress, lesson.slug).done).length;
  const answer = await choose<string>(language, {
    ...streams,
    message: words.whichLesson(done, allLessons().length),
    initialValue: preselected?.slug,
    maxItems: 12,
    options: [
      ...allLessons().map((lesson) => ({
        value: lesson.slug,
        label: `${progressMark(lesson, progress)} ${lesson.number}  ${lessonTitle(lesson, language)}`,
        hint:
          lesson.slug === preselected?.slug
            ? lessonProgress(progress, lesson.slug).done
              ? words.done
              : words.continueHere
            : undefined,
      })),
      { value: ':language', label: language === 'hinglish' ? 'Switch to English' : 'Switch to Hinglish' },
      { value: ':quit', label: words.quit },
    ],
  });
  if (isCancel(answer) || answer === ':quit') return { kind: 'quit' };
  if (answer === ':language') return { kind: 'language' };
  const lesson = allLessons().find((entry) => entry.slug === answer);
  return lesson ? { kind: 'lesson', lesson } : { kind: 'quit' };
}

/** Asks for the language the first time; undefined when cancelled. */
async function chooseLanguage(streams: ScreenStreams): Promise<Language | undefined> {
  const answer = await select<Language>({
    ...streams,
    message: 'Which language should the lessons speak?',
    initialValue: 'en',
    options: [
      { value: 'en', label: 'English' },
      { value: 'hinglish', label: 'Hinglish', hint: 'Hindi in Latin letters, with English tech words' },
    ],
  });
  return isCancel(answer) ? undefined : answer;
}
