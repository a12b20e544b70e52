// The progress file: survives restarts, and a broken one never stops the runner.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadProgress,
  noteReset,
  recordCheck,
  saveProgress,
  updateProgress,
} from '../../src/progress/progress-store.ts';
import { runEntry, temporaryProgressFile } from './runner-cli-helpers.ts';

describe('the progress store', () => {
  it('starts fresh when the file is missing', () => {
    const loaded = loadProgress(temporaryProgressFile());
    expect(loaded.progress).toEqual({ lessons: {} });
    expect(loaded.missing).toBe(true);
    // The runner welcomes a learner without progress in their language: the store says nothing.
    expect(loaded.notice).toBeUndefined();
  });

  it('starts fresh when the file is not JSON, keeps the broken file beside it, and says where', () => {
    const file = temporaryProgressFile();
    const broken = '{"lessons": {"02-schema": {"done": true,},}}';
    writeFileSync(file, broken);
    const loaded = loadProgress(file);
    expect(loaded.progress).toEqual({ lessons: {} });
    expect(loaded.notice).toMatch(
      /could not be read, so you start fresh \(it is kept as .*progress\.broken-\d+\.json\)/,
    );
    expect(loaded.notice).not.toContain('\n');
    // The next save writes a new file; what the learner had stays in the kept one.
    updateProgress((progress) => (progress.lessons['03-model'] = { done: true }), file);
    const kept = readdirSync(path.dirname(file)).filter((name) => name.startsWith('progress.broken-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(path.dirname(file), kept[0]), 'utf8')).toBe(broken);
  });

  it('tells a learner whose broken file names Hinglish in Hinglish', () => {
    const file = temporaryProgressFile();
    writeFileSync(file, '{"language": "hinglish", "lessons": {');
    expect(loadProgress(file).notice).toMatch(
      /^Aapki progress file \(progress\.json\) padhi nahi ja saki, isliye aap shuru se start kar rahe hain \(purani file .*progress\.broken-\d+\.json naam se rakhi hai\); aapki exercise files ko kuch nahi hua\.$/,
    );
  });

  it('refuses a file far too big to be progress by its size, and keeps it beside', () => {
    const file = temporaryProgressFile();
    writeFileSync(file, Buffer.alloc(56 * 1024 * 1024, ' '));
    const loaded = loadProgress(file);
    expect(loaded.notice).toMatch(/is 56\.0 MB, far more than progress ever takes/);
    expect(existsSync(file)).toBe(false);
  });

  it('keeps only the fields and lessons it knows, with the right types', () => {
    const file = temporaryProgressFile();
    writeFileSync(
      file,
      JSON.stringify({
        language: 'klingon',
        lastLesson: 2,
        lessons: { '02-schema': { done: 'yes', hintsShown: 2 }, '03-model': 7, 'no-such-lesson': { done: true } },
      }),
    );
    expect(loadProgress(file).progress).toEqual({ lessons: { '02-schema': { hintsShown: 2 } } });
  });

  it('saves atomically and reads back what it saved', () => {
    const file = temporaryProgressFile();
    saveProgress({ language: 'hinglish', lastLesson: '02-schema', lessons: { '02-schema': { done: true } } }, file);
    updateProgress((progress) => (progress.lessons['04-router'] = { hintsShown: 1 }), file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      language: 'hinglish',
      lastLesson: '02-schema',
      // A lesson done before passedOnce was saved had passed.
      lessons: { '02-schema': { done: true, passedOnce: true }, '04-router': { hintsShown: 1 } },
    });
    // No temporary file left; the backup holds what was saved last.
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['progress.backup.json', 'progress.json']);
    expect(readFileSync(path.join(path.dirname(file), 'progress.backup.json'), 'utf8')).toBe(
      readFileSync(file, 'utf8'),
    );
  });
});

describe('a progress file changed outside the runner', () => {
  const saved = { language: 'hinglish', lessons: { '02-schema': { done: true, passedOnce: true } } } as const;

  it('is not trusted when forged: the progress saved last is kept, and the learner is told in their language', () => {
    const file = temporaryProgressFile();
    saveProgress(saved, file);
    writeFileSync(file, JSON.stringify({ lessons: { '05-upload-file': { done: true } } }));
    const loaded = loadProgress(file);
    expect(loaded.progress).toEqual(saved);
    expect(loaded.notice).toBe(
      'Aapki progress file (' +
        path.relative(process.cwd(), file) +
        ') playground ke bahar se badli gayi thi, isliye playground apni last saved progress hi rakh raha hai.',
    );
    // The next save starts from the kept progress, and is trusted again.
    updateProgress((progress) => (progress.lastLesson = '03-model'), file);
    expect(loadProgress(file)).toEqual({ progress: { ...saved, lastLesson: '03-model' }, missing: false });
  });

  it('is put back when deleted, and the learner is told how to start over instead', () => {
    const file = temporaryProgressFile();
    saveProgress({ lessons: saved.lessons }, file);
    rmSync(file);
    const loaded = loadProgress(file);
    expect(loaded.progress).toEqual({ lessons: saved.lessons });
    expect(loaded.missing).toBe(false);
    expect(loaded.notice).toMatch(/^Your progress file \(.*progress\.json\) was deleted, .*delete both files\.$/);
    updateProgress(() => undefined, file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ lessons: saved.lessons });
  });

  it('is trusted after another runner saved it (`npm run lesson -- hint` beside an open menu)', async () => {
    const file = temporaryProgressFile();
    saveProgress(saved, file);
    const ran = await runEntry('cli', ['hint', '02'], file);
    expect(ran.status, ran.stderr).toBe(0);
    const loaded = loadProgress(file);
    expect(loaded.notice).toBeUndefined();
    expect(loaded.progress.lessons['02-schema']).toEqual({ done: true, passedOnce: true, hintsShown: 1 });
  }, 30_000);
});

describe('done, as the last check says', () => {
  it('is set by a passing check, taken back by a failing one or a reset; passing once is remembered', () => {
    const file = temporaryProgressFile();
    const saved = process.env.PLAYGROUND_PROGRESS_FILE;
    process.env.PLAYGROUND_PROGRESS_FILE = file; // recordCheck and noteReset save where the runner does
    try {
      recordCheck('02-schema', true);
      expect(loadProgress(file).progress.lessons['02-schema']).toEqual({ done: true, passedOnce: true });
      recordCheck('02-schema', false);
      expect(loadProgress(file).progress.lessons['02-schema']).toEqual({ passedOnce: true });
      recordCheck('02-schema', true);
      noteReset('02-schema');
      expect(loadProgress(file).progress.lessons['02-schema']).toEqual({ passedOnce: true });
      recordCheck('03-model', false);
      expect(loadProgress(file).progress.lessons['03-model']).toEqual({});
    } finally {
      if (saved === undefined) delete process.env.PLAYGROUND_PROGRESS_FILE;
      else process.env.PLAYGROUND_PROGRESS_FILE = saved;
    }
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
    expect(ran.stderr).toMatch(/it is kept as .*progress\.broken-\d+\.json/);
  });
});
