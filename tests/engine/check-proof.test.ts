// The proof's judgement (src/prove/): what each lesson variant must do, on results made by hand.
import { describe, expect, it } from 'vitest';
import type { CheckResult, TestOutcome } from '../../src/check/index.ts';
import { findLesson, type LessonEntry } from '../../src/lessons/catalog.ts';
import { proofPlan, type ProofVariant } from '../../src/prove/proof-plan.ts';
import { judge } from '../../src/prove/verdicts.ts';
import { inBoth, said } from '../support/said.ts';

const lesson: LessonEntry = {
  number: '98',
  slug: '98-nowhere',
  title: 'A lesson made up for the test',
  titleHinglish: 'Test ke liye banaya lesson',
  exerciseFiles: ['song.ts'],
  mistakes: [{ folder: 'no-enum', what: 'Forgot the enum.', explains: 'Enum' }],
};
const passedTest: TestOutcome = { path: [], title: 'saves', state: 'passed' };
const accepted = said(
  'The mood "angry" was accepted: list the moods with enum.',
  'Mood "angry" accept ho gaya: allowed moods enum mein likhiye.',
);
const failedTest: TestOutcome = {
  path: [inBoth('mood')],
  title: said('refuses "angry"', '"angry" refuse karta hai'),
  state: 'failed',
  failure: { message: `${accepted}: expected 'angry' to be undefined`, note: accepted, name: 'AssertionError' },
};
const variant = (expect: ProofVariant['expect'], target: ProofVariant['request']['target']): ProofVariant => ({
  lesson,
  request: { lesson, target },
  expect,
});
const result = (tests: TestOutcome[], extra: Partial<CheckResult> = {}): CheckResult => ({
  request: { lesson },
  name: 'x',
  passed: tests.length > 0 && tests.every((test) => test.state === 'passed') && !extra.problem,
  tests,
  ...extra,
});

describe('proofPlan', () => {
  it('checks the solution (must pass), the starter (must fail) and each known mistake (must fail, explained)', () => {
    const planned = proofPlan([lesson]).map((variant) => [variant.request.target, variant.expect.kind]);
    expect(planned).toEqual([
      ['solution', 'passes'],
      ['starter', 'fails'],
      ['mistake:no-enum', 'fails-explaining'],
    ]);
  });
});

describe('judge', () => {
  it('wants the solution to pass', () => {
    expect(judge(variant({ kind: 'passes' }, 'solution'), result([passedTest])).ok).toBe(true);
    expect(judge(variant({ kind: 'passes' }, 'solution'), result([passedTest, failedTest]))).toEqual({
      ok: false,
      why: 'must pass, but "refuses "angry"" failed: The mood "angry" was accepted: list the moods with enum.',
    });
  });

  it('wants the starter to fail a check, not to fail loading', () => {
    expect(judge(variant({ kind: 'fails' }, 'starter'), result([passedTest, failedTest])).ok).toBe(true);
    const notLoading = result([], { problem: { kind: 'load-error', message: 'SyntaxError: Unexpected token' } });
    expect(judge(variant({ kind: 'fails' }, 'starter'), notLoading).ok).toBe(false);
    expect(judge(variant({ kind: 'fails' }, 'starter'), result([passedTest])).ok).toBe(false);
  });

  it('counts the checks that did not run in the total, as the learner reads it', () => {
    const waiting: TestOutcome = {
      path: [said('the page, in a browser', 'page, browser mein')],
      title: said('plays a song', 'gaana bajata hai'),
      state: 'skipped',
    };
    expect(judge(variant({ kind: 'fails' }, 'starter'), result([failedTest, waiting]))).toEqual({
      ok: true,
      why: '1 of 2 checks fail, as they should (1 did not run)',
    });
  });

  it('wants a mistake to fail with its own words in the explanation, whatever their case', () => {
    const mistake = variant({ kind: 'fails-explaining', mistake: lesson.mistakes[0] }, 'mistake:no-enum');
    expect(judge(mistake, result([passedTest, failedTest])).ok).toBe(true);
    const elsewhere = { ...failedTest, failure: { message: 'x', note: 'Something else entirely.' } };
    expect(judge(mistake, result([elsewhere])).why).toContain('the explanation never says "Enum"');
    expect(judge(mistake, result([passedTest])).why).toContain('the tests miss this mistake');
  });

  it("wants a mistake's verdict to quote its own bullet in both languages, and no bullet when it names none", () => {
    const uploadLesson = findLesson('05')!;
    const resolvesError = uploadLesson.mistakes.find((mistake) => mistake.folder === 'resolves-error')!;
    const failing = (named: string): CheckResult => ({
      request: { lesson: uploadLesson },
      name: 'x',
      passed: false,
      tests: [
        {
          path: [],
          title: said('rejects', 'reject karta hai'),
          state: 'failed',
          failure: { message: 'x', note: said('Call reject(error).', 'reject(error) call kijiye.'), mistake: named },
        },
      ],
    });
    const own = variant({ kind: 'fails-explaining', mistake: resolvesError }, 'mistake:resolves-error');
    own.lesson = uploadLesson;
    expect(judge(own, failing('resolve(error)')).ok).toBe(true);
    expect(judge(own, failing('Forgetting resolve')).why).toContain(
      'its en verdict does not quote the bullet "resolve(error)"',
    );
    const unnamed = {
      ...own,
      expect: { kind: 'fails-explaining' as const, mistake: { ...resolvesError, warnedAs: undefined } },
    };
    expect(judge(unnamed, failing('Forgetting resolve')).why).toContain('and none is about this mistake');
  });

  it('wants every sentence a failing or skipped check says to carry its Hinglish', () => {
    const starter = variant({ kind: 'fails' }, 'starter');
    const englishNote = { ...failedTest, failure: { message: 'Nothing was saved.', name: 'AssertionError' } };
    expect(judge(starter, result([englishNote]))).toEqual({
      ok: false,
      why: '1 of 1 checks fail, as they should, but a check says "Nothing was saved." in English only',
    });
    expect(judge(starter, result([{ ...failedTest, title: 'refuses "angry"' }])).why).toContain(
      'a check says "refuses "angry"" in English only',
    );
    const skipped: TestOutcome = {
      path: [],
      title: said('saves', 'save karta hai'),
      state: 'skipped',
      skipNote: 'needs the local storage',
    };
    expect(judge(starter, result([failedTest, skipped])).why).toContain('"needs the local storage" in English only');
    // The learner's own error is theirs to word; a timed-out test has no sentence of the check.
    const theirs = { ...failedTest, failure: { message: 'TypeError: x is not a function', name: 'TypeError' } };
    expect(judge(starter, result([theirs])).ok).toBe(true);
  });
});
