// `npm run lesson -- <command>`: everything the menu does, without prompts, for scripts, CI
// and instructors, in the learner's language. Exit codes: 0 done, 1 the learner's code fails
// or an action was refused, 2 the command line itself was wrong.
import './supported-node.mjs';
import { allLessons, exportedLesson, findLesson, type LessonEntry } from '../lessons/catalog.ts';
import { readLessonTarget, type ExerciseTarget } from '../lessons/exercise.ts';
import { loadProgress, lessonProgress, type Language } from '../progress/progress-store.ts';
import { commands, isCommand, parseArguments } from './cli-arguments.ts';
import { formatLessonList } from './lesson-list.ts';
import { lessonWords } from './lesson-words.ts';
import { usageWords } from './usage-words.ts';
import { isInteractive, paint } from '../terminal/terminal.ts';
import { ensurePlayground } from '../playground/exercise-copies.ts';
import { takeCharge } from '../processes/take-charge.ts';

takeCharge();

const loaded = loadProgress();
const args = parseArguments(process.argv.slice(2), loaded.progress.language);
if (loaded.notice && !loaded.missing) console.error(paint('yellow', loaded.notice));
const language: Language = args.language ?? loaded.progress.language ?? 'en';
const words = lessonWords(language);
const usage = usageWords(language);

/** A wrong command line: one line saying what, then what is valid. */
function usageError(message: string, valid: 'lessons' | 'commands' | 'nothing more'): never {
  console.error(paint('red', message));
  if (valid === 'lessons') console.error(`${usage.lessons}\n${formatLessonList(loadProgress().progress, language)}`);
  else if (valid === 'commands') console.error(usage.commands([...commands, 'help'].join(', ')));
  process.exit(2);
}

function lessonArgument(): LessonEntry {
  const name = args.words[0];
  if (!name) usageError(usage.whichLesson(args.command ?? '', allLessons()[0]?.number ?? '02'), 'lessons');
  const lesson = findLesson(name);
  if (!lesson) usageError(usage.noSuchLesson(name), 'lessons');
  return lesson;
}

/** The copy LESSON_TARGET names for `lesson`; a wrong value is a wrong command line. */
function lessonTarget(lesson: LessonEntry): ExerciseTarget {
  const reading = readLessonTarget(lesson, process.env.LESSON_TARGET, 'LESSON_TARGET', language);
  if (reading.problem !== undefined) usageError(reading.problem, 'nothing more');
  return reading.target;
}

/** Asks yes/no in a terminal; without one, says how to go on with --yes and answers no. */
async function confirmed(question: string, refusal: string): Promise<boolean> {
  if (args.yes) return true;
  if (!isInteractive()) {
    console.error(refusal);
    return false;
  }
  const { askYesNo } = await import('./screen.ts');
  return askYesNo(question, {}, language);
}

async function main(): Promise<number> {
  if (args.problem) usageError(args.problem, 'commands');
  if (args.help || args.command === undefined) {
    console.log(usage.help);
    return 0;
  }
  if (!isCommand(args.command)) usageError(usage.unknownCommand(args.command), 'commands');
  // A lesson that arrived after `npm install` (a git pull) gets its working copy now; edits are never touched.
  const copyProblems = await ensurePlayground();
  /** A lesson's copy problem, said once; commands that need its files stop there (reset is the way out). */
  const refuseIfBroken = (lesson: LessonEntry): void => {
    const problem = copyProblems.find((entry) => entry.lesson === lesson);
    if (!problem) return;
    console.error(paint('yellow', problem.message));
    process.exit(1);
  };

  switch (args.command) {
    case 'list':
      console.log(formatLessonList(loadProgress().progress, language));
      for (const problem of copyProblems)
        console.error(paint('yellow', `Lesson ${problem.lesson.number}: ${problem.message}`));
      return 0;

    case 'show': {
      const { lessonScreenText } = await import('./lesson-actions.ts');
      const lesson = lessonArgument();
      const text = lessonScreenText(lesson, language);
      // Paged in a terminal, so it can be read from its first line; whole for scripts and pipes.
      if (isInteractive()) {
        const { showPaged } = await import('./pager.ts');
        const { screenStreams } = await import('./screen.ts');
        await showPaged(text, screenStreams(), { language, after: 'end' });
      } else console.log(text);
      console.log(paint('dim', words.thenTry(lesson.number)));
      return 0;
    }

    case 'hint': {
      const lesson = lessonArgument();
      const which = args.words[1];
      const { hintFor } = await import('./lesson-actions.ts');
      const { hintCount } = await import('./lesson-texts.ts');
      const { total } = hintCount(lesson);
      // A hint number that is not one of the lesson's is a wrong command line, like a wrong lesson.
      if (which !== undefined && (!/^\d+$/.test(which) || Number(which) < 1 || Number(which) > total))
        usageError(words.noSuchHint(lesson.number, total, which), 'nothing more');
      const answer = hintFor(lesson, language, which === undefined ? undefined : Number(which));
      console.log(answer.text);
      return answer.found ? 0 : 2;
    }

    case 'reset': {
      const lesson = lessonArgument();
      const { resetQuestion, resetLessonFiles } = await import('./lesson-actions.ts');
      const ok = await confirmed(await resetQuestion(lesson, language), words.resetRefusal(lesson.number));
      if (!ok) {
        console.log(words.nothingReset);
        return 1;
      }
      const { ReadOnlyCopyError } = await import('../playground/exercise-copies.ts');
      try {
        console.log(await resetLessonFiles(lesson, language));
      } catch (error) {
        if (!(error instanceof ReadOnlyCopyError)) throw error;
        console.error(error.message);
        return 1;
      }
      return 0;
    }

    case 'solution': {
      const lesson = lessonArgument();
      if (!lessonProgress(loadProgress().progress, lesson.slug).passedOnce) {
        const ok = await confirmed(words.solutionQuestion, words.solutionRefusal(lesson.number));
        if (!ok) return 1;
      }
      const { solutionComparison } = await import('./solution-diff.ts');
      console.log(solutionComparison(lesson, language));
      return 0;
    }

    case 'export': {
      if (args.words.length > 1) usageError(usage.oneFolder, 'nothing more');
      const lesson = exportedLesson();
      if (lesson) refuseIfBroken(lesson);
      const { exportAndSay, exportFolder } = await import('./export-command.ts');
      return exportAndSay(exportFolder(args.words[0]), language, {
        info: (text) => console.log(text),
        warn: (text) => console.error(paint('yellow', text)),
        error: (text) => console.error(text),
      });
    }

    case 'check': {
      const lesson = lessonArgument();
      const target = lessonTarget(lesson);
      if (target === 'playground') refuseIfBroken(lesson);
      const { checkCommand } = await import('./check-command.ts');
      return checkCommand(lesson, { language, target });
    }

    case 'watch': {
      const lesson = lessonArgument();
      if (lessonTarget(lesson) !== 'playground')
        usageError(
          `watch follows your own copy (playground/${lesson.slug}/), so LESSON_TARGET=${process.env.LESSON_TARGET?.trim()} does not fit it: unset LESSON_TARGET, or use check or run with it.`,
          'nothing more',
        );
      refuseIfBroken(lesson);
      const { watchCommand } = await import('./check-command.ts');
      return watchCommand(lesson, language);
    }

    case 'run': {
      const lesson = lessonArgument();
      const target = lessonTarget(lesson);
      if (target === 'playground') refuseIfBroken(lesson);
      const { runAppInChild } = await import('./app-child.ts');
      const end = await runAppInChild(lesson, { target, port: args.port, open: args.open, language });
      return end.stoppedByLearner ? 0 : end.code;
    }
  }
}

let code: number;
try {
  code = await main();
} catch (error) {
  console.error(paint('red', `Something went wrong: ${error instanceof Error ? error.message : String(error)}`));
  code = 1;
}
// Explicit: a check or an app may leave a handle behind, and the command must still end.
process.exit(code);
