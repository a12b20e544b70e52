// `npm run lesson -- <command>`: everything the menu does, without prompts, for scripts, CI
// and instructors. Exit codes: 0 done, 1 the learner's code fails or an action was refused,
// 2 the command line itself was wrong.
import './supported-node.ts';
import { allLessons, findLesson, type LessonEntry } from '../lessons/catalog.ts';
import { loadProgress, lessonProgress, type Language } from '../progress/progress-store.ts';
import { commands, helpText, isCommand, parseArguments } from './cli-arguments.ts';
import { formatLessonList } from './lesson-list.ts';
import { isInteractive, paint } from './terminal.ts';
import { ensurePlayground } from '../playground/exercise-copies.ts';
import { takeCharge } from '../processes/take-charge.ts';

takeCharge();

const args = parseArguments(process.argv.slice(2));
const loaded = loadProgress();
if (loaded.notice && !loaded.missing) console.error(paint('yellow', loaded.notice));
const language: Language = args.language ?? loaded.progress.language ?? 'en';

/** A wrong command line: one line saying what, then what is valid. */
function usageError(message: string, valid: 'lessons' | 'commands'): never {
  console.error(paint('red', message));
  if (valid === 'lessons') console.error(`Lessons:\n${formatLessonList(loadProgress().progress, language)}`);
  else console.error(`Commands: ${[...commands, 'help'].join(', ')}. See npm run lesson -- --help`);
  process.exit(2);
}

function lessonArgument(): LessonEntry {
  const name = args.words[0];
  if (!name)
    usageError(
      `Which lesson? Add its number, like: npm run lesson -- ${args.command} ${allLessons()[0]?.number ?? '02'}`,
      'lessons',
    );
  const lesson = findLesson(name);
  if (!lesson) usageError(`There is no lesson "${name}".`, 'lessons');
  return lesson;
}

/** Asks yes/no in a terminal; without one, says how to go on with --yes and answers no. */
async function confirmed(question: string, refusal: string): Promise<boolean> {
  if (args.yes) return true;
  if (!isInteractive()) {
    console.error(refusal);
    return false;
  }
  const { askYesNo } = await import('./ask.ts');
  return askYesNo(question);
}

async function main(): Promise<number> {
  if (args.problem) usageError(args.problem, 'commands');
  if (args.help || args.command === undefined) {
    console.log(helpText);
    return 0;
  }
  if (!isCommand(args.command)) usageError(`Unknown command "${args.command}".`, 'commands');
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
      console.log(lessonScreenText(lesson, language));
      console.log(
        paint('dim', `Then: npm run lesson -- run ${lesson.number}   check ${lesson.number}   hint ${lesson.number}`),
      );
      return 0;
    }

    case 'hint': {
      const lesson = lessonArgument();
      const which = args.words[1];
      if (which !== undefined && !/^[1-9]\d*$/.test(which))
        usageError(`"${which}" is not a hint number: use 1, 2, 3…`, 'commands');
      const { hintFor } = await import('./lesson-actions.ts');
      const answer = hintFor(lesson, language, which === undefined ? undefined : Number(which));
      console.log(answer.text);
      return answer.found ? 0 : 1;
    }

    case 'reset': {
      const lesson = lessonArgument();
      const { resetQuestion, resetLessonFiles } = await import('./lesson-actions.ts');
      const ok = await confirmed(
        await resetQuestion(lesson),
        `Reset replaces your files with the starter, and there is no terminal to ask you first. Add --yes: npm run lesson -- reset ${lesson.number} --yes`,
      );
      if (!ok) {
        console.log('Nothing was reset.');
        return 1;
      }
      console.log(await resetLessonFiles(lesson));
      return 0;
    }

    case 'solution': {
      const lesson = lessonArgument();
      const done = lessonProgress(loadProgress().progress, lesson.slug).done;
      if (!done) {
        const ok = await confirmed(
          'You have not passed this lesson yet. Are you sure? The hints might get you there first.',
          `You have not passed lesson ${lesson.number} yet: try the hints first (npm run lesson -- hint ${lesson.number}). To see the solution anyway, add --yes.`,
        );
        if (!ok) return 1;
      }
      const { solutionComparison } = await import('./solution-diff.ts');
      console.log(solutionComparison(lesson));
      return 0;
    }

    case 'check': {
      const lesson = lessonArgument();
      refuseIfBroken(lesson);
      const { checkCommand } = await import('./check-command.ts');
      return checkCommand(lesson);
    }

    case 'watch': {
      const lesson = lessonArgument();
      refuseIfBroken(lesson);
      const { checkAnnouncement, watchUntilPassed } = await import('./check-actions.ts');
      const { listenForStop } = await import('./keys.ts');
      const keys = listenForStop();
      console.log(
        paint('dim', `Watching lesson ${lesson.number}: save your file to check it again. Enter or Ctrl-C stops.`),
      );
      const passed = await watchUntilPassed(lesson, {
        onVerdict: (verdict) => console.log(verdict.text),
        until: keys.pressed,
        onStart: (changed) => console.log(checkAnnouncement(changed)),
      });
      keys.release();
      return passed ? 0 : 1;
    }

    case 'run': {
      const lesson = lessonArgument();
      refuseIfBroken(lesson);
      const { runAppInChild } = await import('./app-child.ts');
      const end = await runAppInChild(lesson);
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
