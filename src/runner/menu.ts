// The first screen of `npm start`: the lessons with their progress marks, the cursor on
// the lesson to continue, plus switching language and quitting.
import { intro, isCancel, log, outro, select } from '@clack/prompts';
import { allLessons, type LessonEntry } from '../lessons/catalog.ts';
import {
  lessonProgress,
  loadProgress,
  saveLanguage,
  type Language,
  type Progress,
} from '../progress/progress-store.ts';
import type { LessonScreenOptions } from './lesson-screen.ts';
import { lessonTitle, lessonToContinue, progressMark } from './lesson-list.ts';
import { screenStreams, type ScreenStreams } from './screen-streams.ts';
import { paint } from './terminal.ts';

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
    language = await chooseLanguage(undefined, streams);
    if (!language) return outro('See you soon!', { output });
    saveLanguage(language);
  }
  for (;;) {
    const choice = await chooseFromMenu(loadProgress().progress, language, streams);
    if (choice.kind === 'quit') break;
    if (choice.kind === 'language') {
      language = language === 'en' ? 'hinglish' : 'en';
      saveLanguage(language);
      continue;
    }
    // Loaded on demand: marked and the lesson's actions are not needed to show the menu.
    const { lessonScreen } = await import('./lesson-screen.ts');
    language = await lessonScreen(choice.lesson, language, { ...options, ...streams });
  }
  outro('See you soon! Your progress is saved.', { output });
}

/** Asks which lesson to open; Esc or Ctrl-C means quit. */
async function chooseFromMenu(progress: Progress, language: Language, streams: ScreenStreams): Promise<MenuChoice> {
  const preselected = lessonToContinue(progress);
  const done = allLessons().filter((lesson) => lessonProgress(progress, lesson.slug).done).length;
  const answer = await select<string>({
    ...streams,
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
export async function chooseLanguage(
  current?: Language,
  streams: ScreenStreams = screenStreams(),
): Promise<Language | undefined> {
  const answer = await select<Language>({
    ...streams,
    message: 'Which language should the lessons speak?',
    initialValue: current ?? 'en',
    options: [
      { value: 'en', label: 'English' },
      { value: 'hinglish', label: 'Hinglish', hint: 'Hindi in Latin letters, with English tech words' },
    ],
  });
  return isCancel(answer) ? undefined : answer;
}
