// `npm start`: the guided menu. Pick a lesson, read it, run its app, edit, check, get hints.
// Without a terminal (CI, a pipe) it never waits: it prints the lessons and the commands to use.
import './supported-node.mjs';
import { allLessons } from '../lessons/catalog.ts';
import { loadProgress } from '../progress/progress-store.ts';
import { formatLessonList, lessonToContinue } from './lesson-list.ts';
import { openMenu } from './menu.ts';
import { isInteractive, paint } from '../terminal/terminal.ts';
import { ensurePlayground } from '../playground/exercise-copies.ts';
import { takeCharge } from '../processes/take-charge.ts';

/** What `npm start` prints when nobody can answer a prompt. */
function printWithoutTerminal(): void {
  const { progress, notice, missing } = loadProgress();
  if (notice && !missing) console.log(notice);
  const lesson = lessonToContinue(progress) ?? allLessons()[0];
  const n = lesson?.number ?? '02';
  console.log(`Song backend playground: lessons\n\n${formatLessonList(progress, progress.language ?? 'en')}\n`);
  const commands: [string, string][] = [
    [`show ${n}`, `read lesson ${n}`],
    [`run ${n}`, 'run its app with your code'],
    [`check ${n}`, 'check your solution (exit code 0 when it passes)'],
    [`hint ${n}`, 'the next hint'],
    [`reset ${n} --yes`, 'put the starter back'],
    ['--help', 'every command'],
  ];
  console.log(
    'There is no terminal to answer questions in here (CI, or input from a pipe), so the menu does not open.',
  );
  console.log('Use these commands instead:');
  for (const [command, what] of commands) console.log(`  npm run lesson -- ${command.padEnd(16)} ${what}`);
}

takeCharge();
// A lesson that arrived after `npm install` (a git pull) gets its working copy now; edits are never touched.
// A lesson whose copy is broken is said once; the others, and the menu, work as usual.
for (const problem of await ensurePlayground())
  console.error(paint('yellow', `Lesson ${problem.lesson.number}: ${problem.message}`));
// The menu is the learner's: it always works on their own copy.
const target = process.env.LESSON_TARGET?.trim();
if (target && target !== 'playground' && isInteractive())
  console.error(
    paint(
      'yellow',
      `LESSON_TARGET=${target} is set, but the menu always works on your own copy in playground/. ` +
        `To run or check another copy: LESSON_TARGET=${target} npm run lesson -- run N (or check N).`,
    ),
  );
try {
  if (isInteractive()) await openMenu();
  else printWithoutTerminal();
} catch (error) {
  console.error(paint('red', `Something went wrong: ${error instanceof Error ? error.message : String(error)}`));
  process.exit(1);
}
process.exit(0);
