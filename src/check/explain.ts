// A check's result in plain words for a beginner: what happened, why, what to try next, in
// the learner's language. The failing `it` sentence and the test's own message come first;
// raw values only where no sentence explains them; never a vitest dump or a stack trace.
import type { LessonEntry } from '../lessons/catalog.ts';
import { lessonWordsFor, lessonWordsForFailure, thrownName } from './common-mistakes.ts';
import { cap } from './error-text.ts';
import { explainTypeIssues } from './explain-types.ts';
import { explainWords, type ExplainWords, type ReadIn, type VerdictLanguage } from './explain-words.ts';
import { judgeChangedText } from './judge-guard.ts';
import { inLanguage } from './two-languages.ts';
import type { CheckProblem, CheckResult, FailureDetail, TestOutcome } from './types.ts';

/** Raw values (expected, got) are cut past this; the checks' own sentences never are. */
const maxValue = 200;
const maxMessageLines = 6;
/** Failing checks listed after the first; more would bury it. */
const maxOthers = 4;

interface Context {
  words: ExplainWords;
  lesson?: LessonEntry;
  language: VerdictLanguage;
  readIn: ReadIn;
}

/** Explains a result to the learner, in a few short lines of plain text (no colours). */
export function explainCheck(
  result: CheckResult,
  lesson?: LessonEntry,
  /** Where the learner reads this: the menu has a "Next hint" action, the command line a command, watch re-runs on save. */
  readIn: ReadIn = 'command line',
  language: VerdictLanguage = 'en',
  /** The last line in place of the pointer to the next hint (the runner's, once every hint was seen). */
  instead?: string,
): string {
  lesson ??= 'lesson' in result.request ? result.request.lesson : undefined;
  const context: Context = { words: explainWords(language), lesson, language, readIn };
  const { words } = context;
  const hint = instead ?? (lesson ? words.hint(readIn, lesson.number) : undefined);
  const types = explainTypeIssues(result.typeIssues, language, result.passed);
  const typeLines = types.length ? ['', ...types] : [];

  const skipped = result.tests.filter((test) => test.state === 'skipped');
  if (result.passed) {
    const count = result.tests.filter((test) => test.state === 'passed').length;
    // No praise right above TypeScript disagreeing.
    const said = words.allPass(count, lesson?.number, types.length === 0);
    return joinLines([said, ...notRunLines(skipped, context), ...typeLines]);
  }
  if (result.problem) return joinLines([...explainProblem(result.problem, result, context), ...typeLines, '', hint]);

  const failed = result.tests.filter((test) => test.state === 'failed');
  const ran = result.tests.filter((test) => test.state === 'passed' || test.state === 'failed');
  const [first, ...others] = failed;
  if (!first) return joinLines([words.noneRan, hint]);

  const lines: (string | undefined)[] = [
    failed.length === ran.length
      ? words.notYet(failed.length, skipped.length)
      : words.gettingThere(ran.length - failed.length, ran.length, skipped.length),
    ...notRunLines(skipped, context),
    '',
    `${words.firstToFix} ${sentence(first, language)}`,
    ...explainFailure(first.failure, context),
  ];
  // Every failing check is named or counted, so the list adds up to the "to go" above.
  const firstReason = first.failure && reasonOf(first.failure, language);
  const sameAsFirst = others.filter((test) => test.failure && reasonOf(test.failure, language) === firstReason);
  // Named when they are few; past that, their titles would bury the first.
  const same =
    sameAsFirst.length <= maxOthers ? `: ${sameAsFirst.map((test) => sentence(test, language)).join(', ')}` : '.';
  if (sameAsFirst.length) lines.push('', `  ${words.sameReason(sameAsFirst.length)}${same}`);
  const alsoFailing = groupedByReason(
    others.filter((test) => !sameAsFirst.includes(test)),
    context,
  );
  if (alsoFailing.length) {
    lines.push('', words.alsoFailing);
    for (const group of alsoFailing.slice(0, maxOthers))
      lines.push(
        `  - ${group.tests.map((test) => sentence(test, language)).join(', ')}${group.reason ? `: ${group.reason}` : ''}`,
      );
    const unlisted = alsoFailing.slice(maxOthers).reduce((count, group) => count + group.tests.length, 0);
    if (unlisted) lines.push(`  ${words.andMore(unlisted)}`);
  }
  const stray = result.strayError;
  if (stray?.kind === 'too-much-output') lines.push('', ...words.stopped['too-much-output']);
  else if (stray) lines.push('', words.stray, `  ${cap(inLanguage(stray.message, language), maxValue)}`);
  if (stray?.location) lines.push(`  ${words.where} ${stray.location}`);
  lines.push(...typeLines, '', hint);
  return joinLines(lines);
}

/** Why the skipped checks did not run, each reason once (a count alone would leave the learner wondering). */
function notRunLines(skipped: TestOutcome[], { words, language }: Context): string[] {
  const reasons = [...new Set(skipped.flatMap((test) => (test.skipNote ? [inLanguage(test.skipNote, language)] : [])))];
  return reasons.length ? [words.notRun(skipped.length), ...reasons.map((reason) => `  - ${reason}`)] : [];
}

/** `"saves the URL, not the file bytes" (POST /api/songs)`, in the learner's language. */
function sentence(test: Pick<TestOutcome, 'title' | 'path'>, language: VerdictLanguage): string {
  const path = test.path.map((title) => inLanguage(title, language)).join(' › ');
  return `"${inLanguage(test.title, language)}"${path ? ` (${path})` : ''}`;
}

/**
 * Checks that fail for the same reason, said once. Checks whose requests found no route at all
 * go together too (the same 404 answer, or the same advice after "reached no route"): what each
 * expected instead matters only once there is a route.
 */
function groupedByReason(tests: TestOutcome[], { words, language }: Context) {
  const groups: { tests: TestOutcome[]; reason?: string; key?: string }[] = [];
  for (const test of tests) {
    const reason = test.failure && reasonOf(test.failure, language);
    // Grouped by the English words every check has: the same groups in every language.
    const english = test.failure && reasonOf(test.failure, 'en');
    const noRoute = english ? noRouteReason(english, reason ?? english, words) : undefined;
    const key = noRoute?.key ?? english;
    const same = groups.find((group) => group.key === key);
    if (same && key !== undefined) {
      same.tests.push(test);
      if (noRoute && same.reason !== reason) same.reason = noRoute.said;
    } else groups.push({ tests: [test], reason, key });
  }
  return groups;
}

/** The advice after "… reached no route (the app's own 404), where it should answer 200.", in either language. */
const noRouteAdvice = /\([^()]*\b404\)[^.]*\. (.+)$/;

/**
 * When the app had no route for a check's request: what such checks share (found in the English
 * reason), and that said for all of them in the learner's language (`reason`).
 */
function noRouteReason(english: string, reason: string, words: ExplainWords) {
  const answer = /\b404 (\{"[^{}]*\})/.exec(english)?.[0];
  if (answer) return { key: answer, said: words.sameNotFound(answer) };
  const advice = english.includes('reached no route') ? noRouteAdvice.exec(english)?.[1] : undefined;
  return advice ? { key: advice, said: words.sameNoRoute(noRouteAdvice.exec(reason)?.[1] ?? advice) } : undefined;
}

function explainFailure(failure: FailureDetail | undefined, context: Context): string[] {
  const { words, lesson, language } = context;
  if (!failure) return [];
  if (failure.timedOut) return words.neverAnswered.map((line) => `  ${line}`);
  const lines = [`  ${failure.note ? words.checkSays : words.wentWrong} ${said(failure, language)}`];
  // Values in raw form help only when no sentence of the check explains them.
  if (!failure.note && (failure.expected !== undefined || failure.actual !== undefined)) {
    lines.push(`  ${words.expected} ${cap(failure.expected ?? '(nothing)', maxValue)}`);
    lines.push(`  ${words.got} ${cap(failure.actual ?? '(nothing)', maxValue)}`);
  }
  if (failure.location) lines.push(`  ${words.where} ${failure.location}`);
  const crash = failure.serverError;
  if (crash) {
    lines.push(`  ${words.appThrew} ${inLanguage(crash.message, language)}`);
    if (crash.location) lines.push(`  ${words.where} ${crash.location}`);
  }
  const lessonSays = lesson && lessonWordsForFailure(lesson, failure, language);
  if (lessonSays) lines.push('', `  ${words.lessonSays}`, `    ${lessonSays}`);
  return lines;
}

/** The test's own words when it gave some, else the error's first lines. */
function said(failure: FailureDetail, language: VerdictLanguage): string {
  if (failure.note) return inLanguage(failure.note, language);
  const message = inLanguage(failure.message, language).split('\n').slice(0, maxMessageLines).join('\n    ');
  return thrownName(failure) + message;
}

/** A failure's reason in one line, whole: the check's own sentence, or the error's first line, and the app's crash. */
function reasonOf(failure: FailureDetail, language: VerdictLanguage): string {
  if (failure.timedOut) return explainWords(language).noAnswerReason;
  const reason = inLanguage(failure.note ?? failure.message, language).split('\n')[0];
  const crash = failure.serverError;
  const crashed = crash && inLanguage(crash.message, language);
  return crash ? `${reason} (${crashed}${crash.location ? `, ${crash.location}` : ''})` : reason;
}

/** ExerciseFileMissing's own sentence (src/lessons/exercise.ts), said again in the learner's language and place. */
function fileMissing(message: string, { words, lesson, readIn }: Context): string {
  const said = /The exercise file (.+?) (is a folder, not a file|is missing)\./.exec(message);
  if (!said || !lesson) return message.replace(/^ExerciseFileMissing: /, '');
  return words.fileMissing(said[1], said[2] !== 'is missing', readIn, lesson.number);
}

/** What to look for, for an error a file threw as it loaded: the lesson's own words when it warns about it. */
function loadErrorAdvice(message: string, { words, lesson, language }: Context): string[] {
  const lessonSays = lesson && lessonWordsFor(lesson, { thrown: message }, language);
  if (lessonSays) return [words.lessonSays, `  ${lessonSays}`];
  if (message.startsWith('ReferenceError')) return [words.adviceReference];
  if (/schema configuration|not a valid type/i.test(message)) return [words.adviceSchema];
  if (message.startsWith('TypeError')) return [words.adviceType];
  return [words.adviceOther];
}

function explainProblem(problem: CheckProblem, result: CheckResult, context: Context): (string | undefined)[] {
  const { words } = context;
  const where = problem.location ? `  ${words.where} ${problem.location}` : undefined;
  const message = `  ${inLanguage(problem.message, context.language)}`;
  switch (problem.kind) {
    case 'load-error':
      if (problem.message.startsWith('SyntaxError'))
        return [words.syntax.head, message, where, words.syntax.advice(context.readIn)];
      if (problem.message.startsWith('ExerciseFileMissing')) return [fileMissing(problem.message, context)];
      return [words.threwWhileLoading, message, where, ...loadErrorAdvice(problem.message, context)];
    case 'busy':
    case 'heavy':
    case 'waiting':
    case 'ended-itself':
    case 'out-of-memory':
    case 'too-much-output': {
      const [what, advice] = words.stopped[problem.kind];
      // Which check was under way when the run was stopped, or that the code was still loading.
      const during =
        result.during === null
          ? words.whileLoading
          : result.during && words.during(sentence(result.during, context.language));
      return [what, during, advice];
    }
    case 'time-limit':
      return words.ceiling;
    case 'unhandled-error':
      return [words.unhandled, message, where];
    case 'setup-error':
      return [words.setup[0], message, words.setup[1]];
    case 'no-tests':
      return [words.noTests];
    case 'judge-changed':
      return [judgeChangedText(problem, context.language)];
    case 'crash': {
      // run-checks.ts's sentence for a test file that is gone: deleted, most likely by the code it checks.
      const testFile = /^There is no test file (.+)\.$/.exec(problem.message)?.[1];
      if (testFile) return words.testFileMissing(testFile);
      return [words.crash[0], `  ${cap(problem.message, maxValue * 2)}`, words.crash[1]];
    }
  }
}

function joinLines(lines: (string | undefined)[]): string {
  return lines
    .filter((line) => line !== undefined)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
