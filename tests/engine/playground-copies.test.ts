// The learner's working copies: made from the starter, brought up to date when the starter
// improves and the learner never touched them, and never overwritten once edited.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';

// Before the engine is imported: it reads PLAYGROUND_DIR once.
const playgroundRoot = mkdtempSync(path.join(os.tmpdir(), 'playground-copies-'));
process.env.PLAYGROUND_DIR = playgroundRoot;
const { findLesson, lessonPaths, projectRoot } = await import('../../src/lessons/catalog.ts');
const { givenHeader } = await import('../../src/lessons/layers.ts');
const { ensurePlayground } = await import('../../src/playground/exercise-copies.ts');

const lesson = findLesson('02')!;
const file = lesson.exerciseFiles[0];
const learnerFile = path.join(playgroundRoot, lesson.slug, file);
const recordFile = path.join(playgroundRoot, '.starter-copies.json');
const starter = () => readFileSync(path.join(lessonPaths(lesson).starterDir, file), 'utf8');
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** A learner copy made from an older starter, with the record saying so. */
function untouchedCopyOfAnOlderStarter(olderStarter: string) {
  mkdirSync(path.dirname(learnerFile), { recursive: true });
  writeFileSync(learnerFile, olderStarter);
  writeFileSync(recordFile, JSON.stringify({ [`${lesson.slug}/${file}`]: sha(olderStarter) }));
}

beforeEach(() => rmSync(playgroundRoot, { recursive: true, force: true }));
afterAll(() => rmSync(playgroundRoot, { recursive: true, force: true }));

describe('ensurePlayground', () => {
  it('makes every missing working copy from its starter', async () => {
    await ensurePlayground();
    expect(readFileSync(learnerFile, 'utf8')).toBe(starter());
  });

  it("puts the files a lesson builds on beside its exercise files, from the earlier lessons' solutions", async () => {
    await ensurePlayground();
    const later = findLesson('03')!;
    const given = later.given![0];
    const solution = readFileSync(path.join(projectRoot, 'solutions', given.fromLesson, given.file), 'utf8');
    expect(readFileSync(path.join(playgroundRoot, later.slug, given.file), 'utf8')).toBe(givenHeader(given) + solution);
    for (const file of later.exerciseFiles)
      expect(readFileSync(path.join(playgroundRoot, later.slug, file), 'utf8')).toBe(
        readFileSync(path.join(lessonPaths(later).starterDir, file), 'utf8'),
      );
  });

  it('brings an untouched copy up to date when the starter improved', async () => {
    untouchedCopyOfAnOlderStarter('// the old starter\n');
    await ensurePlayground();
    expect(readFileSync(learnerFile, 'utf8')).toBe(starter());
  });

  it("never overwrites the learner's edits", async () => {
    untouchedCopyOfAnOlderStarter('// the old starter\n');
    writeFileSync(learnerFile, '// my own work\n');
    await ensurePlayground();
    expect(readFileSync(learnerFile, 'utf8')).toBe('// my own work\n');
  });

  it('replaces nothing when its record is broken', async () => {
    untouchedCopyOfAnOlderStarter('// the old starter\n');
    writeFileSync(recordFile, '{ not json');
    await ensurePlayground();
    expect(readFileSync(learnerFile, 'utf8')).toBe('// the old starter\n');
  });
});
