// One lesson in `npm start`: its text, then the actions around the exercise (run the app,
// edit, check, watch, hints, the solution, reset) until the learner goes back to the menu.
import { isCancel, log, select, spinner } from '@clack/prompts';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import {
  lessonProgress,
  loadProgress,
  noteLessonOpened,
  saveLanguage,
  type Language,
} from '../progress/progress-store.ts';
import { exerciseFiles, hintFor, lessonScreenText, resetLessonFiles, resetQuestion } from './lesson-actions.ts';
import { chooseLanguage } from './menu.ts';
import { paint } from './terminal.ts';
import path from 'node:path';
import { actionWords } from './action-words.ts';
import { askYesNo } from './ask.ts';
import { say, screenStreams, type ScreenStreams } from './screen-streams.ts';
import type { WarmCheck } from '../check/index.ts';

export interface LessonScreenOptions extends Partial<ScreenStreams> {
  /** Starts the screen's warm check (check-actions.ts's warmCheckOf unless given). */
  warmCheckOf?: (lesson: LessonEntry) => Promise<WarmCheck>;
}

type Action = 'run' | 'edit' | 'check' | 'watch' | 'hint' | 'solution' | 'reset' | 'read' | 'language' | 'back';

// The action the cursor goes to next: the usual step after the one just done.
const nextStep: Record<Action, Action> = {
  read: 'run',
  run: 'edit',
  edit: 'check',
  check: 'hint',
  watch: 'back',
  hint: 'edit',
  solution: 'edit',
  reset: 'edit',
  language: 'read',
  back: 'back',
};

/** Shows the lesson and runs its actions; resolves with the language (it may have been switched). */
export async function lessonScreen(
  lesson: LessonEntry,
  language: Language,
  options: LessonScreenOptions = {},
): Promise<Language> {
  const streams = screenStreams(options);
  noteLessonOpened(lesson.slug);
  say(streams, '\n' + lessonScreenText(lesson, language));
  // Warmed up while the learner reads, so even the first check is quick; stopped when the screen closes.
  const warmCheckOf = options.warmCheckOf ?? (await import('./check-actions.ts')).warmCheckOf;
  const warm = await warmCheckOf(lesson);
  try {
    return await lessonActions(lesson, language, warm, streams);
  } finally {
    await warm.stop();
  }
}

async function lessonActions(
  lesson: LessonEntry,
  language: Language,
  warm: WarmCheck,
  streams: ScreenStreams,
): Promise<Language> {
  const { output } = streams;
  let cursor: Action = 'run';
  for (;;) {
    const progress = lessonProgress(loadProgress().progress, lesson.slug);
    const words = actionWords(language);
    const picked: unknown = await select<Action>({
      ...streams,
      message: `Lesson ${lesson.number}${progress.done ? paint('green', ' ✔ done') : ''}: ${words.whatNext}`,
      initialValue: cursor,
      maxItems: 12,
      options: [
        { value: 'run', label: words.run, hint: words.runHint },
        { value: 'edit', label: words.edit, hint: exerciseFiles(lesson)[0] },
        { value: 'check', label: words.check },
        { value: 'watch', label: words.watch },
        {
          value: 'hint',
          label: words.hint,
          hint: progress.hintsShown ? words.hintsShown(progress.hintsShown) : undefined,
        },
        { value: 'solution', label: words.solution },
        { value: 'reset', label: words.reset, hint: words.resetHint },
        { value: 'read', label: words.read },
        { value: 'language', label: words.switchLanguage },
        { value: 'back', label: words.back },
      ],
    });
    if (isCancel(picked) || picked === 'back') return language;
    const action = picked as Action;
    cursor = nextStep[action];
    switch (action) {
      case 'read':
        say(streams, '\n' + lessonScreenText(lesson, language));
        break;
      case 'run': {
        const { runAppInChild } = await import('./app-child.ts');
        log.step("Starting the lesson's app (Enter or Ctrl-C stops it)…", { output });
        const end = await runAppInChild(lesson);
        if (end.stoppedByLearner) log.info('The app stopped. Back to the lesson.', { output });
        else log.warn('The app ended early: read the message above, fix it, and run it again.', { output });
        break;
      }
      case 'edit': {
        const { openInEditor } = await import('./editor.ts');
        const file = path.join(lessonPaths(lesson).playgroundDir, lesson.exerciseFiles[0]);
        log.info(openInEditor(file), { output });
        break;
      }
      case 'check':
        if (await check(lesson, warm, streams)) cursor = 'back';
        break;
      case 'watch':
        await watch(lesson, warm, streams);
        break;
      case 'hint':
        say(streams, '\n' + hintFor(lesson, language).text);
        break;
      case 'solution':
        if (!(await compareWithSolution(lesson, streams))) cursor = 'hint';
        break;
      case 'reset':
        if (!(await reset(lesson, streams))) cursor = 'reset';
        break;
      case 'language': {
        const chosen = await chooseLanguage(language === 'en' ? 'hinglish' : 'en', streams);
        if (chosen) {
          language = chosen;
          saveLanguage(chosen);
          say(streams, '\n' + lessonScreenText(lesson, language));
        }
        break;
      }
    }
  }
}

async function check(lesson: LessonEntry, warm: WarmCheck, streams: ScreenStreams): Promise<boolean> {
  const { checkOnce } = await import('./check-actions.ts');
  const { output } = streams;
  const spin = spinner({ ...streams });
  spin.start('Checking your code on a real database');
  try {
    const verdict = await checkOnce(warm, lesson, 'menu');
    spin.stop(verdict.passed ? paint('green', 'Passed!') : paint('yellow', 'Not yet.'));
    say(streams, verdict.text);
    return verdict.passed;
  } catch (error) {
    spin.stop(paint('red', 'The check itself could not run.'));
    log.error(error instanceof Error ? error.message : String(error), { output });
    return false;
  }
}

async function watch(lesson: LessonEntry, warm: WarmCheck, streams: ScreenStreams): Promise<void> {
  const { checkAnnouncement, watchUntilPassed } = await import('./check-actions.ts');
  const { listenForStop } = await import('./keys.ts');
  const { output } = streams;
  log.step(`Watching ${exerciseFiles(lesson).join(', ')}: save to check again. Enter or Ctrl-C stops watching.`, {
    output,
  });
  const keys = listenForStop();
  try {
    const passed = await watchUntilPassed(lesson, {
      onVerdict: (verdict) => say(streams, '\n' + verdict.text),
      until: keys.pressed,
      onStart: (changed) => say(streams, checkAnnouncement(changed)),
      readIn: 'menu',
      warm,
    });
    if (passed) log.success('Passed! Lesson marked as done.', { output });
    else log.info('Stopped watching.', { output });
  } catch (error) {
    log.error(`Watching could not start: ${error instanceof Error ? error.message : String(error)}`, { output });
  } finally {
    keys.release();
  }
}

/** Shows the comparison; false when the learner chose not to look after all. */
async function compareWithSolution(lesson: LessonEntry, streams: ScreenStreams): Promise<boolean> {
  if (!lessonProgress(loadProgress().progress, lesson.slug).done) {
    const sure = await askYesNo(
      'You have not passed this lesson yet. Are you sure? Try the hints first: they get you there yourself.',
      streams,
    );
    if (!sure) return false;
  }
  const { solutionComparison } = await import('./solution-diff.ts');
  say(streams, '\n' + solutionComparison(lesson));
  return true;
}

/** Resets the exercise after a yes; false when the learner said no. */
async function reset(lesson: LessonEntry, streams: ScreenStreams): Promise<boolean> {
  const { output } = streams;
  if (!(await askYesNo(await resetQuestion(lesson), streams))) {
    log.info('Nothing was reset.', { output });
    return false;
  }
  log.success(await resetLessonFiles(lesson), { output });
  return true;
}
