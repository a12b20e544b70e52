// A verdict comes only from an untampered judge: learner code that rewrites its test file
// during a check gets no verdict but one sentence, the file is put back, and the next check
// judges with the real tests, cold (the command line) and warm (the menu, watch).
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainCheck, judgeDigestsCurrent, runChecks } from '../../src/check/index.ts';
import { WarmCheck } from '../../src/check/warm-check.ts';
import { findLesson, projectRoot } from '../../src/lessons/catalog.ts';
import { loadProgress, saveProgress } from '../../src/progress/progress-store.ts';
import { recordVerdict } from '../../src/runner/check-actions.ts';
import { addThat, scratchLesson } from './fixtures/scratch.ts';
import { temporaryProgressFile } from './runner-cli-helpers.ts';

/** Wrong code that, the first time it runs, turns its test file into one empty test that passes. */
const rewritesItsTestOnce = `import { existsSync, writeFileSync } from 'node:fs';
const done = new URL('./rewritten', import.meta.url);
if (!existsSync(done)) {
  writeFileSync(done, '');
  writeFileSync(new URL('./check.fixture.ts', import.meta.url), "import { it } from 'vitest';\\nit('passes', () => {});\\n");
}
${addThat.subtracts}`;

describe.concurrent('learner code that rewrites its test file during a check', () => {
  it('gets no verdict on the command line, its test file is put back, and the next check fails honestly', async () => {
    const lesson = scratchLesson('passing', rewritesItsTestOnce);
    const request = { testFile: lesson.testFile, name: 'rewrites-cold' };
    const original = readFileSync(lesson.testFile, 'utf8');
    try {
      const [first] = (await runChecks([request])).results;
      expect(first).toMatchObject({ passed: false, tests: [], problem: { kind: 'judge-changed' } });
      const shown = path.relative(process.cwd(), lesson.testFile);
      expect(explainCheck(first)).toContain(`Your code changed ${shown}, which judges it, while the check ran`);
      expect(explainCheck(first, undefined, 'command line', 'hinglish')).toContain(
        `Check ke dauraan aapke code ne ${shown} badal di`,
      );
      expect(readFileSync(lesson.testFile, 'utf8')).toBe(original);
      const [second] = (await runChecks([request])).results;
      expect(second.passed).toBe(false);
      expect(second.tests.map((test) => test.state)).toEqual(['failed', 'failed']);
    } finally {
      lesson.remove();
    }
  }, 60_000);

  it('gets no verdict in the menu or watch, and the next warm check runs the tests put back', async () => {
    const lesson = scratchLesson('passing', rewritesItsTestOnce);
    // No folder read afresh: a lesson's test file lies outside the learner's folder, so nothing else loads it again.
    const warm = new WarmCheck({ testFile: lesson.testFile, name: 'rewrites-warm' }, []);
    try {
      const first = await warm.run();
      expect(first.problem?.kind).toBe('judge-changed');
      // The run prepared meanwhile had loaded the rewritten tests: it must not be the one that judges.
      const second = await warm.run();
      expect(second.passed).toBe(false);
      expect(second.tests.map((test) => test.state)).toEqual(['failed', 'failed']);
    } finally {
      await warm.stop();
      lesson.remove();
    }
  }, 60_000);
});

// One after the other: each points PLAYGROUND_PROGRESS_FILE, which the check's processes inherit, at a file of its own.
describe('the progress of learner code that changes its judge', () => {
  it('records nothing: the lesson stays as it was', async () => {
    const lesson = scratchLesson('passing', rewritesItsTestOnce);
    const file = temporaryProgressFile();
    const saved = process.env.PLAYGROUND_PROGRESS_FILE;
    process.env.PLAYGROUND_PROGRESS_FILE = file;
    try {
      const [result] = (await runChecks([{ testFile: lesson.testFile, name: 'rewrites-record' }])).results;
      saveProgress({ lessons: { '02-schema': { done: true, passedOnce: true } } }, file);
      recordVerdict(findLesson('02')!, result);
      expect(loadProgress(file).progress.lessons['02-schema']).toEqual({ done: true, passedOnce: true });
    } finally {
      if (saved === undefined) delete process.env.PLAYGROUND_PROGRESS_FILE;
      else process.env.PLAYGROUND_PROGRESS_FILE = saved;
      lesson.remove();
    }
  }, 60_000);

  it('gets no verdict when it changes the progress file, and the progress saved last is put back', async () => {
    const forges = `import { writeFileSync } from 'node:fs';
writeFileSync(process.env.PLAYGROUND_PROGRESS_FILE, JSON.stringify({ lessons: { '05-upload-file': { done: true } } }));
${addThat.adds}`;
    const lesson = scratchLesson('passing', forges);
    const file = temporaryProgressFile();
    const saved = process.env.PLAYGROUND_PROGRESS_FILE;
    process.env.PLAYGROUND_PROGRESS_FILE = file;
    const progress = { lessons: { '02-schema': { done: true, passedOnce: true } } };
    try {
      saveProgress(progress, file);
      const [result] = (await runChecks([{ testFile: lesson.testFile, name: 'forges-progress' }])).results;
      expect(result).toMatchObject({ passed: false, problem: { kind: 'judge-changed' } });
      expect(explainCheck(result)).toContain('Your code changed your progress file');
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(progress);
    } finally {
      if (saved === undefined) delete process.env.PLAYGROUND_PROGRESS_FILE;
      else process.env.PLAYGROUND_PROGRESS_FILE = saved;
      lesson.remove();
    }
  }, 60_000);
});

describe('the course digests of the tests', () => {
  it("leave out what is no module of tests/support/, such as an editor's swap file", () => {
    const swap = path.join(projectRoot, 'tests', 'support', `.settle.ts.${process.pid}.swp`);
    writeFileSync(swap, 'b0VIM');
    try {
      expect(judgeDigestsCurrent()).toBe(true);
    } finally {
      rmSync(swap, { force: true });
    }
  });
});
