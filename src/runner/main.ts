// `npm start`: the guided menu. Pick a lesson, read it, run its app, edit, check, get hints.
// Without a terminal (CI, a pipe) it never waits: it prints the lessons and the commands to use.
import './supported-node.mjs';
import { allLessons } from '../lessons/catalog.ts';
import { loadProgress } from '../progress/progress-store.ts';
import { formatLessonList, lessonToContinue } from './lesson-list.ts';
import { openMenu } from './menu.ts';
import { menuWords } from './menu-words.ts';
import { isInteractive, paint } from '../terminal/terminal.ts';
import { ensurePlayground } from '../playground/exercise-copies.ts';
import { takeCharge } from '../processes/take-charge.ts';

/** What `npm start` prints when nobody can answer a prompt. */
function printWithoutTerminal(): void {
  const { progress, notice, missing } = loadProgress();
  if (notice && !missing) console.log(notice);
  const lesson = lessonToContinue(progress) ?? allLessons()[0];
  const language = progress.language ?? 'en';
  const words = menuWords(language).noTerminal;
  console.log(`${words.heading}\n\n${formatLessonList(progress, language)}\n`);
  console.log(words.why);
  console.log(words.instead);
  for (const [command, what] of words.commands(lesson?.number ?? '02'))
    console.log(`  npm run lesson -- ${command.padEnd(16)} ${what}`);
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
