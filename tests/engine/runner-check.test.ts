// `npm run lesson -- check N` end to end, as a learner meets it: it fails on the untouched
// starter, passes once the solution is in the playground, and says so in its exit code.
// It runs on a playground of its own (PLAYGROUND_DIR): the learner's files are never touched.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLesson, lessonPaths, projectRoot } from '../../src/lessons/catalog.ts';
import { runEntry, temporaryProgressFile } from './runner-cli-helpers.ts';

const lesson = findLesson('02')!;
const playgroundRoot = mkdtempSync(path.join(os.tmpdir(), 'runner-check-'));
const env = { PLAYGROUND_DIR: playgroundRoot };

afterAll(() => rmSync(playgroundRoot, { recursive: true, force: true }));

describe('check', () => {
  it('exits 1 on the untouched starter, with the first failing check and a pointer to the hint', async () => {
    const ran = await runEntry('cli', ['check', '02'], temporaryProgressFile(), env);
    expect(ran.status, ran.stdout + ran.stderr).toBe(1);
    expect(ran.stdout).toMatch(/First to fix: "/);
    expect(ran.stdout).toContain('npm run lesson -- hint 02');
  }, 30_000);

  it('exits 0 once the solution is in the playground, and marks the lesson done', async () => {
    cpSync(lessonPaths(lesson).solutionDir, path.join(playgroundRoot, lesson.slug), { recursive: true });
    const progressFile = temporaryProgressFile();
    const ran = await runEntry('cli', ['check', '2'], progressFile, env);
    expect(ran.status, ran.stdout + ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/All \d+ checks pass/);
    expect(ran.stdout).toContain('Next: lesson 03, "Model: CRUD on one collection": npm run lesson -- show 03');
    expect(ran.stdout).toContain('Compare your code with the solution: npm run lesson -- solution 02');
    expect(JSON.parse(readFileSync(progressFile, 'utf8')).lessons[lesson.slug]).toMatchObject({ done: true });
  }, 30_000);

  it("with LESSON_TARGET, checks that copy (for instructors) and leaves the learner's progress alone", async () => {
    const progressFile = temporaryProgressFile();
    const mistake = lesson.mistakes[0].folder;
    const ran = await runEntry('cli', ['check', '02'], progressFile, { ...env, LESSON_TARGET: `mistake:${mistake}` });
    expect(ran.status, ran.stdout + ran.stderr).toBe(1);
    expect(ran.stdout).toContain(`(LESSON_TARGET=mistake:${mistake})`);
    expect(ran.stdout).toContain(lesson.mistakes[0].explains);
    expect(existsSync(progressFile)).toBe(false);
  }, 30_000);
});

describe('check, after something changed the test file between checks (say, code run with "Run the app")', () => {
  it('exits 1 with one sentence naming the file and how to put it back, and records nothing', async () => {
    cpSync(lessonPaths(lesson).solutionDir, path.join(playgroundRoot, lesson.slug), { recursive: true });
    const progressFile = temporaryProgressFile();
    // The test file stays as it is: the course's digest of it is what differs, as it would after a change.
    const digests = path.join(path.dirname(progressFile), 'judge-digests.json');
    const course = JSON.parse(readFileSync(path.join(projectRoot, 'tests', 'judge-digests.json'), 'utf8'));
    writeFileSync(digests, JSON.stringify({ ...course, 'tests/02-schema.test.ts': 'a'.repeat(64) }));
    const ran = await runEntry('cli', ['check', '02'], progressFile, { ...env, PLAYGROUND_JUDGE_DIGESTS: digests });
    expect(ran.status, ran.stdout + ran.stderr).toBe(1);
    expect(ran.stdout).toContain(
      "tests/02-schema.test.ts, which judges your code, is not the course's copy any more (something changed it, perhaps your app), so no check counts until you put it back with git checkout -- tests/02-schema.test.ts (working on the course and changed it on purpose? npm run digests records it).",
    );
    expect(existsSync(progressFile)).toBe(false);
  }, 30_000);
});
