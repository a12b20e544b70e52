// One lesson in `npm start`: its text (a page at a time), then the actions around the exercise
// (run the app, edit, check, watch, hints, the solution, reset, and once lesson 08 passes, export
// the app) until the learner goes back to the menu or on to the next lesson. Everything it says is in the learner's language.
import { isCancel } from '@clack/prompts';
import { exportedLesson, type LessonEntry } from '../lessons/catalog.ts';
import {
  lessonProgress,
  loadProgress,
  noteLessonOpened,
  saveLanguage,
  type Language,
} from '../progress/progress-store.ts';
import { actionWords } from './action-words.ts';
import { lessonAfter, warmCheckOf as startWarmCheck } from './check-actions.ts';
import type { openInEditor } from './editor.ts';
import { exerciseFiles, filesToEdit, lessonBody } from './lesson-actions.ts';
import { hintCount, lessonTitle } from './lesson-texts.ts';
import {
  actionListRows,
  checkLesson,
  editFiles,
  exportFromMenu,
  hint,
  reset,
  runApp,
  showSolution,
  watchLesson,
  type ScreenState,
} from './lesson-screen-actions.ts';
import { showPaged } from './pager.ts';
import { choose, say, screenStreams, type ScreenStreams } from './screen.ts';
import { paint } from '../terminal/terminal.ts';
import type { WarmCheck } from '../check/index.ts';

export interface LessonScreenOptions extends Partial<ScreenStreams> {
  /** Starts the screen's warm check (check-actions.ts's warmCheckOf unless given). */
  warmCheckOf?: (lesson: LessonEntry) => Promise<WarmCheck>;
  /** Opens files in an editor (editor.ts's openInEditor unless given). */
  openFiles?: typeof openInEditor;
}

/** How the screen ended: the language (it may have been switched), and the lesson to open next, if the learner chose one. */
interface LessonScreenEnd {
  language: Language;
  next?: LessonEntry;
}

// The actions, and the one the cursor goes to next: the usual step after the one just done.
// (A step that is no action fails the typecheck where the cursor takes it.)
const nextStep = {
  next: 'next',
  export: 'back',
  read: 'run',
  run: 'edit',
  edit: 'check',
  check: 'hint',
  watch: 'watch', // stopped with Ctrl-C before a pass: the learner may well start it again
  hint: 'hint', // Enter again gives the next hint
  solution: 'edit',
  reset: 'edit',
  language: 'read',
  back: 'back',
} as const;
type Action = keyof typeof nextStep;

/** Shows the lesson and runs its actions until the learner goes back or on. */
export async function lessonScreen(
  lesson: LessonEntry,
  language: Language,
  options: LessonScreenOptions = {},
): Promise<LessonScreenEnd> {
  const streams = screenStreams(options);
  noteLessonOpened(lesson.slug);
  // Warmed up while the learner reads, so even the first check is quick; stopped when the screen closes.
  const warming = (options.warmCheckOf ?? startWarmCheck)(lesson);
  await showLesson(lesson, language, streams);
  const warm = await warming;
  try {
    return await lessonActions({ lesson, language, streams, warm, openFiles: options.openFiles, hintsAgain: 0 });
  } finally {
    await warm.stop();
  }
}

/** The lesson's text a page at a time, then the files to edit (said even when the learner skipped ahead). */
async function showLesson(lesson: LessonEntry, language: Language, streams: ScreenStreams): Promise<void> {
  const files = `\n${filesToEdit(lesson, language)}`;
  say(streams, '');
  // The last page stays on screen with the files and the actions under it.
  const rowsAfter = files.split('\n').length + actionListRows;
  await showPaged(lessonBody(lesson, language), streams, { language, after: 'menu', rowsAfter });
  say(streams, files);
}

async function lessonActions(state: ScreenState): Promise<LessonScreenEnd> {
  const { lesson, streams } = state;
  let cursor: Action = 'run';
  for (;;) {
    const { language } = state;
    const progress = lessonProgress(loadProgress().progress, lesson.slug);
    const words = actionWords(language);
    const next = progress.done ? lessonAfter(lesson) : undefined;
    // Once the app passes, it may leave the playground (the command line exports it any time).
    const exportable = progress.done && lesson.slug === exportedLesson()?.slug;
    const { total, shown } = hintCount(lesson);
    const files = exerciseFiles(lesson);
    const picked: unknown = await choose<Action>(language, {
      ...streams,
      message: `Lesson ${lesson.number}${progress.done ? ` ${paint('green', words.done)}` : ''}: ${words.whatNext}`,
      initialValue: cursor === 'next' && !next ? 'back' : cursor,
      maxItems: 12,
      options: [
        ...(next ? [{ value: 'next' as const, label: words.next(next.number, lessonTitle(next, language)) }] : []),
        ...(exportable ? [{ value: 'export' as const, label: words.export, hint: words.exportHint }] : []),
        { value: 'run', label: words.run, hint: words.runHint },
        { value: 'edit', label: words.edit, hint: files.length === 1 ? files[0] : lesson.exerciseFiles.join(', ') },
        { value: 'check', label: words.check },
        { value: 'watch', label: words.watch },
        shown >= total
          ? { value: 'hint', label: words.hintsAgain, hint: words.allHintsSeen(total) }
          : { value: 'hint', label: words.hint, hint: shown ? words.hintsShown(shown) : undefined },
        { value: 'solution', label: words.solution },
        { value: 'reset', label: words.reset, hint: words.resetHint },
        { value: 'read', label: words.read },
        { value: 'language', label: words.switchLanguage },
        { value: 'back', label: words.back },
      ],
    });
    if (isCancel(picked) || picked === 'back') return { language: state.language };
    const action = picked as Action;
    cursor = nextStep[action];
    switch (action) {
      case 'next':
        return { language: state.language, next };
      case 'export':
        await exportFromMenu(state);
        break;
      case 'read':
        await showLesson(lesson, state.language, streams);
        break;
      case 'run':
        await runApp(state);
        break;
      case 'edit':
        await editFiles(state);
        break;
      case 'check': {
        const ended = await checkLesson(state);
        if (ended === 'passed') cursor = lessonAfter(lesson) ? 'next' : 'solution';
        // Stopped with Ctrl-C: the learner may well check again.
        if (ended === 'stopped') cursor = 'check';
        break;
      }
      case 'watch':
        if (await watchLesson(state)) cursor = lessonAfter(lesson) ? 'next' : 'solution';
        break;
      case 'hint':
        hint(state);
        break;
      case 'solution':
        if (!(await showSolution(state))) cursor = 'hint';
        break;
      case 'reset':
        if (!(await reset(state))) cursor = 'reset';
        break;
      case 'language':
        state.language = state.language === 'en' ? 'hinglish' : 'en';
        saveLanguage(state.language);
        await showLesson(lesson, state.language, streams);
        break;
    }
  }
}
