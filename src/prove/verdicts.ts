// Judging each lesson variant against what it must do, with the reason in one line.
import { lessonWordsFor } from '../check/common-mistakes.ts';
import { explainWords } from '../check/explain-words.ts';
import { explainCheck, hasHinglish, inLanguage, type CheckResult } from '../check/index.ts';
import type { KnownMistake, LessonEntry } from '../lessons/catalog.ts';
import type { ProofVariant } from './proof-plan.ts';

interface Verdict {
  ok: boolean;
  /** Why, in one line: what held, or what did not. */
  why: string;
}

function counts(result: CheckResult) {
  const ran = result.tests.filter((test) => test.state === 'passed' || test.state === 'failed');
  const skipped = result.tests.filter((test) => test.state === 'skipped').length;
  return { ran: ran.length, failed: ran.filter((test) => test.state === 'failed').length, skipped };
}

/** What went wrong in a result, shortly: its problem, or its first failing test and message. */
function shortReason(result: CheckResult): string {
  if (result.problem) {
    const where = result.problem.location ? ` (${result.problem.location})` : '';
    return `${result.problem.kind}: ${result.problem.message}${where}`;
  }
  const test = result.tests.find((one) => one.state === 'failed');
  if (!test && result.strayError) return `an error was thrown outside any test: ${result.strayError.message}`;
  if (!test) return 'no test ran';
  const said = test.failure?.note ?? test.failure?.message.split('\n')[0] ?? '';
  return `"${inLanguage(test.title, 'en')}" failed: ${inLanguage(said, 'en')}`.slice(0, 240);
}

/** Errors whose message is the check's own sentence (an assertion, expect.fail, a never-settled wait), not the learner's. */
const checksOwnErrors = ['AssertionError', 'NeverSettled'];

/**
 * The first sentence the checks said in this result in English only: a failing or skipped
 * test's title or describe, a skip note, or the check's own message. A learner reading
 * Hinglish would meet it mid-verdict.
 */
function englishOnly(result: CheckResult): string | undefined {
  for (const test of result.tests) {
    if (test.state !== 'failed' && test.state !== 'skipped') continue;
    const said = [...test.path, test.title];
    if (test.skipNote) said.push(test.skipNote);
    const { failure } = test;
    if (failure && !failure.timedOut && checksOwnErrors.includes(failure.name ?? ''))
      said.push(failure.note ?? failure.message.split('\n')[0]);
    const unsaid = said.find((sentence) => !hasHinglish(sentence));
    if (unsaid !== undefined) return unsaid;
  }
  return undefined;
}

/** Whether the verdict, in each language, quotes the mistake's own "Common mistakes" bullet (or none when it names none). */
function bulletProblem(mistake: KnownMistake, result: CheckResult, lesson: LessonEntry): string | undefined {
  for (const language of ['en', 'hinglish'] as const) {
    const explanation = explainCheck(result, lesson, 'command line', language);
    const quotesOne = explanation.includes(explainWords(language).lessonSays);
    if (!mistake.warnedAs) {
      if (quotesOne) return `its ${language} verdict quotes a "Common mistakes" bullet, and none is about this mistake`;
      continue;
    }
    const bullet = lessonWordsFor(lesson, { named: mistake.warnedAs }, language);
    if (!bullet) return `the lesson has no "Common mistakes" bullet named "${mistake.warnedAs}" (${language})`;
    if (!explanation.includes(bullet)) return `its ${language} verdict does not quote the bullet "${mistake.warnedAs}"`;
  }
  return undefined;
}

/** Does the result keep the variant's promise? */
export function judge(variant: ProofVariant, result: CheckResult): Verdict {
  const verdict = kept(variant, result);
  const unsaid = verdict.ok ? englishOnly(result) : undefined;
  return unsaid === undefined
    ? verdict
    : { ok: false, why: `${verdict.why}, but a check says "${unsaid.slice(0, 160)}" in English only` };
}

function kept(variant: ProofVariant, result: CheckResult): Verdict {
  const { ran, failed, skipped } = counts(result);
  switch (variant.expect.kind) {
    case 'passes':
      return result.passed
        ? { ok: true, why: `all ${ran} checks pass` }
        : { ok: false, why: `must pass, but ${shortReason(result)}` };
    case 'fails':
      if (result.problem) return { ok: false, why: `must fail its checks, but never ran them: ${shortReason(result)}` };
      return failed > 0
        ? {
            ok: true,
            // Counted as the learner's check counts them: the skipped ones are in the total.
            why: `${failed} of ${ran + skipped} checks fail, as they should${skipped ? ` (${skipped} did not run)` : ''}`,
          }
        : { ok: false, why: `must fail at least one check, but ${ran ? `all ${ran} pass` : 'none ran'}` };
    case 'fails-explaining': {
      const { explains } = variant.expect.mistake;
      if (result.passed)
        return { ok: false, why: `must fail, but all ${ran} checks pass: the tests miss this mistake` };
      const explanation = explainCheck(result, variant.lesson);
      if (!explanation.toLowerCase().includes(explains.toLowerCase()))
        return {
          ok: false,
          why: `fails, but the explanation never says "${explains}"; it says: ${shortReason(result)}`,
        };
      const quoted = bulletProblem(variant.expect.mistake, result, variant.lesson);
      if (quoted) return { ok: false, why: `fails, explained with "${explains}", but ${quoted}` };
      const bullet = variant.expect.mistake.warnedAs;
      return {
        ok: true,
        why: `fails (${result.problem ? result.problem.kind : `${failed} of ${ran}`}), explained with "${explains}"${bullet ? ` and the bullet "${bullet}"` : ''}`,
      };
    }
  }
}
