// `npm run lesson -- reset N`: never without a yes. It runs on a playground of its own
// (PLAYGROUND_DIR), so the learner's real files are never touched.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allLessons, lessonPaths } from '../../src/lessons/catalog.ts';
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
});
