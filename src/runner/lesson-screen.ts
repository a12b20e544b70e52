// One lesson in `npm start`: its text, then the actions around the exercise (run the app,
// edit, check, watch, hints, the solution, reset) until the learner goes back to the menu.
import { confirm, isCancel, log, select, spinner } from '@clack/prompts';
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
import type { WarmCheck } from '../check/index.ts';

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
export async function lessonScreen(lesson: LessonEntry, language: Language): Promise<Language> {
  noteLessonOpened(lesson.slug);
  console.log('\n' + lessonScreenText(lesson, language));
  // Warmed up while the learner reads, so even the first check is quick; stopped when the screen closes.
  const { warmCheckOf } = await import('./check-actions.ts');
  const warm = await warmCheckOf(lesson);
  try {
    return await lessonActions(lesson, language, warm);
  } finally {
    await warm.stop();
  }
}

async function lessonActions(lesson: LessonEntry, language: Language, warm: WarmCheck): Promise<Language> {
  let cursor: Action = 'run';
  for (;;) {
    const progress = lessonProgress(loadProgress().progress, lesson.slug);
    const words = actionWords(language);
    const picked: unknown = await select<Action>({
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
        console.log('\n' + lessonScreenText(lesson, language));
        break;
      case 'run': {
        const { runAppInChild } = await import('./app-child.ts');
        log.step("Starting the lesson's app (Enter or Ctrl-C stops it)…");
        const end = await runAppInChild(lesson);
        if (end.stoppedByLearner) log.info('The app stopped. Back to the lesson.');
        else log.warn('The app ended early: read the message above, fix it, and run it again.');
        break;
      }
      case 'edit': {
        const { openInEditor } = await import('./editor.ts');
        const file = path.join(lessonPaths(lesson).playgroundDir, lesson.exerciseFiles[0]);
        log.info(openInEditor(file));
        break;
      }
      case 'check':
        if (await check(lesson, warm)) cursor = 'back';
        break;
      case 'watch':
        await watch(lesson, warm);
        break;
      case 'hint':
        console.log('\n' + hintFor(lesson, language).text);
        break;
      case 'solution':
        if (!(await compareWithSolution(lesson))) cursor = 'hint';
        break;
      case 'reset':
        if (!(await reset(lesson))) cursor = 'reset';
        break;
      case 'language': {
        const chosen = await chooseLanguage(language === 'en' ? 'hinglish' : 'en');
        if (chosen) {
          language = chosen;
          saveLanguage(chosen);
          console.log('\n' + lessonScreenText(lesson, language));
        }
        break;
      }
    }
  }
}

async function check(lesson: LessonEntry, warm: WarmCheck): Promise<boolean> {
  const { checkOnce } = await import('./check-actions.ts');
  const spin = spinner();
  spin.start('Checking your code on a real database');
  try {
    const verdict = await checkOnce(warm, lesson, 'menu');
    spin.stop(verdict.passed ? paint('green', 'Passed!') : paint('yellow', 'Not yet.'));
    console.log(verdict.text);
    return verdict.passed;
  } catch (error) {
    spin.stop(paint('red', 'The check itself could not run.'));
    log.error(error instanceof Error ? error.message : String(error));
    return false;
  }
}

async function watch(lesson: LessonEntry, warm: WarmCheck): Promise<void> {
  const { announceCheck, watchUntilPassed } = await import('./check-actions.ts');
  const { listenForStop } = await import('./keys.ts');
  log.step(`Watching ${exerciseFiles(lesson).join(', ')}: save to check again. Enter or Ctrl-C stops watching.`);
  const keys = listenForStop();
  try {
    const passed = await watchUntilPassed(lesson, {
      onVerdict: (verdict) => console.log('\n' + verdict.text),
      until: keys.pressed,
      onStart: announceCheck,
      readIn: 'menu',
      warm,
    });
    if (passed) log.success('Passed! Lesson marked as done.');
    else log.info('Stopped watching.');
  } catch (error) {
    log.error(`Watching could not start: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    keys.release();
  }
}

/** Shows the comparison; false when the learner chose not to look after all. */
async function compareWithSolution(lesson: LessonEntry): Promise<boolean> {
  if (!lessonProgress(loadProgress().progress, lesson.slug).done) {
    const sure = await confirm({
      message: 'You have not passed this lesson yet. Are you sure? Try the hints first: they get you there yourself.',
      initialValue: false,
    });
    if (isCancel(sure) || !sure) return false;
  }
  const { solutionComparison } = await import('./solution-diff.ts');
  console.log('\n' + solutionComparison(lesson));
  return true;
}

/** Resets the exercise after a yes; false when the learner said no. */
async function reset(lesson: LessonEntry): Promise<boolean> {
  const sure = await confirm({
    message: await resetQuestion(lesson),
    initialValue: false,
  });
  if (isCancel(sure) || !sure) {
    log.info('Nothing was reset.');
    return false;
  }
  log.success(await resetLessonFiles(lesson));
  return true;
}
