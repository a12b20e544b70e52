// The progress file: survives restarts, and a broken one never stops the runner.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProgress, saveProgress, updateProgress } from '../../src/progress/progress-store.ts';
import { runEntry, temporaryProgressFile } from './runner-cli-helpers.ts';

describe('the progress store', () => {
  it('starts fresh when the file is missing', () => {
    const loaded = loadProgress(temporaryProgressFile());
    expect(loaded.progress).toEqual({ lessons: {} });
    expect(loaded.missing).toBe(true);
  });

  it('starts fresh, and says so in one line, when the file is not JSON', () => {
    const file = temporaryProgressFile();
    writeFileSync(file, '{"lessons": {"02-schema": {"done": tr');
    const loaded = loadProgress(file);
    expect(loaded.progress).toEqual({ lessons: {} });
    expect(loaded.notice).toMatch(/could not be read, so you start fresh/);
    expect(loaded.notice).not.toContain('\n');
  });

  it('keeps only the fields it knows, with the right types', () => {
    const file = temporaryProgressFile();
    writeFileSync(
      file,
      JSON.stringify({ language: 'klingon', lastLesson: 2, lessons: { a: { done: 'yes', hintsShown: 2 }, b: 7 } }),
    );
    expect(loadProgress(file).progress).toEqual({ lessons: { a: { hintsShown: 2 } } });
  });

  it('saves atomically and reads back what it saved', () => {
    const file = temporaryProgressFile();
    saveProgress({ language: 'hinglish', lastLesson: '02-schema', lessons: { '02-schema': { done: true } } }, file);
    updateProgress((progress) => (progress.lessons['04-router'] = { hintsShown: 1 }), file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      language: 'hinglish',
      lastLesson: '02-schema',
      lessons: { '02-schema': { done: true }, '04-router': { hintsShown: 1 } },
    });
    expect(readdirSync(path.dirname(file))).toEqual(['progress.json']); // no temporary file left
  });
});

describe('a broken progress file', () => {
  it('does not stop `npm run lesson -- list`: one line on stderr, then the list', async () => {
    const file = temporaryProgressFile();
    writeFileSync(file, 'not json at all');
    const ran = await runEntry('cli', ['list'], file);
    expect(ran.status).toBe(0);
    expect(ran.stderr.trim().split('\n')).toHaveLength(1);
    expect(ran.stdout).toContain('0 of');
    expect(existsSync(file)).toBe(true);
  });
});
