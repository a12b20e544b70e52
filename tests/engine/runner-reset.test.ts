// `npm run lesson -- reset N`: never without a yes. It runs on a playground of its own
// (PLAYGROUND_DIR), so the learner's real files are never touched.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allLessons, lessonPaths, projectRoot } from '../../src/lessons/catalog.ts';
import { runEntry, temporaryProgressFile } from './runner-cli-helpers.ts';

const lesson = allLessons()[0];
const { starterDir } = lessonPaths(lesson);
const file = lesson.exerciseFiles[0];
const playgroundRoot = mkdtempSync(path.join(os.tmpdir(), 'runner-reset-'));
const learnerFile = path.join(playgroundRoot, lesson.slug, file);
const env = { PLAYGROUND_DIR: playgroundRoot };

afterAll(() => rmSync(playgroundRoot, { recursive: true, force: true }));

function writeLearnerEdits() {
  mkdirSync(path.dirname(learnerFile), { recursive: true });
  writeFileSync(learnerFile, '// my edits\n');
}

describe('reset', () => {
  it('refuses without --yes when there is no terminal to ask in, and keeps the file', async () => {
    writeLearnerEdits();
    const ran = await runEntry('cli', ['reset', lesson.number], temporaryProgressFile(), env);
    expect(ran.status).toBe(1);
    expect(ran.stderr).toContain(`reset ${lesson.number} --yes`);
    expect(readFileSync(learnerFile, 'utf8')).toBe('// my edits\n');
  });

  it('puts the starter back with --yes', async () => {
    writeLearnerEdits();
    const ran = await runEntry('cli', ['reset', lesson.slug, '--yes'], temporaryProgressFile(), env);
    expect(ran.status).toBe(0);
    expect(readFileSync(learnerFile, 'utf8')).toBe(readFileSync(path.join(starterDir, file), 'utf8'));
  });

  it('says it put back the files it asked about, not the given ones laid back beside them', async () => {
    const withGiven = allLessons().find((entry) => entry.given?.length)!;
    const ran = await runEntry('cli', ['reset', withGiven.number, '--yes'], temporaryProgressFile(), env);
    expect(ran.status).toBe(0);
    const own = withGiven.exerciseFiles;
    expect(ran.stdout).toContain(`Fresh start: ${own.length} file(s)`);
    expect(ran.stdout).toContain(`(${own.join(', ')})`);
  });

  it('of a lesson that was done: list no longer says done, and the solution is still free to see', async () => {
    const progress = temporaryProgressFile();
    writeFileSync(progress, JSON.stringify({ lessons: { [lesson.slug]: { done: true } } }));
    const before = await runEntry('cli', ['list'], progress, env);
    expect(before.stdout).toContain(`✔ ${lesson.number}`);
    const ran = await runEntry('cli', ['reset', lesson.number, '--yes'], progress, env);
    expect(ran.stdout).toContain(`Lesson ${lesson.number} is not marked done any more`);
    const after = await runEntry('cli', ['list'], progress, env);
    expect(after.stdout).toContain(`▶ ${lesson.number}`);
    expect(after.stdout).toContain(`0 of ${allLessons().length} done`);
    const solution = await runEntry('cli', ['solution', lesson.number], progress, env);
    expect(solution.status).toBe(0);
  });
});

describe('an exercise file replaced by a folder', () => {
  const other = allLessons()[1];

  it('is explained once, for that lesson alone: list, show and hint still work, check says how out', async () => {
    rmSync(learnerFile, { recursive: true, force: true });
    mkdirSync(path.join(learnerFile, 'oops'), { recursive: true });
    const progress = temporaryProgressFile();
    const list = await runEntry('cli', ['list'], progress, env);
    expect(list.status).toBe(0);
    expect(list.stderr).toContain(`${file} should be a file, but is a folder`);
    expect(list.stderr).not.toContain('EISDIR');
    const hinglish = temporaryProgressFile();
    writeFileSync(hinglish, JSON.stringify({ language: 'hinglish', lessons: {} }));
    const listed = await runEntry('cli', ['list'], hinglish, env);
    expect(listed.stderr).toContain(
      `${file} ek file honi chahiye, lekin yahan folder hai. npm run lesson -- reset ${lesson.number} starter file wapas rakh deta hai (pehle aapse poochta hai).`,
    );
    for (const command of [
      ['show', other.number],
      ['hint', other.number, '1'],
      ['show', lesson.number],
    ]) {
      const ran = await runEntry('cli', command, progress, env);
      expect(ran.status, `${command.join(' ')}: ${ran.stderr}`).toBe(0);
    }
    const check = await runEntry('cli', ['check', lesson.number], progress, env);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`npm run lesson -- reset ${lesson.number}`);
    expect(check.stderr).not.toMatch(/EISDIR|\n\s+at /);
  });

  it('is put back by reset --yes, the folder replaced by the starter file', async () => {
    const ran = await runEntry('cli', ['reset', lesson.number, '--yes'], temporaryProgressFile(), env);
    expect(ran.status, ran.stderr).toBe(0);
    expect(readFileSync(learnerFile, 'utf8')).toBe(readFileSync(path.join(starterDir, file), 'utf8'));
  });
});

// Root may write anywhere: as root, the commands run as nobody, for whom the folder is read-only.
// Everything nobody must reach is in a folder of the project (a check's TMPDIR is private).
describe.runIf(process.platform !== 'win32')('a read-only playground with lesson folders missing', () => {
  it('reset --yes says in one sentence that the folder is read-only, and the way out', async () => {
    const cache = path.join(projectRoot, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const base = mkdtempSync(path.join(cache, 'runner-reset-read-only-'));
    const readOnly = path.join(base, 'playground');
    const writable = path.join(base, 'writable');
    try {
      mkdirSync(readOnly);
      mkdirSync(writable);
      chmodSync(base, 0o755);
      chmodSync(readOnly, 0o555);
      chmodSync(writable, 0o777);
      const nobody = process.getuid?.() === 0 ? 65534 : undefined;
      const env = { PLAYGROUND_DIR: readOnly, TMPDIR: writable };
      const progress = path.join(writable, 'progress.json');
      const ran = await runEntry('cli', ['reset', lesson.number, '--yes'], progress, env, nobody);
      expect(ran.status, ran.stderr).toBe(1);
      expect(ran.stderr).toContain(`${lesson.slug}/ could not be written: the folder is read-only for you.`);
      expect(ran.stderr).not.toMatch(/Something went wrong|EACCES|EPERM|\n\s+at /);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
