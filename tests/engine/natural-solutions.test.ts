// A starter's types must let the code a learner naturally writes compile: with lesson 03's old
// `filter: { mood?: string }`, three of the bodies below failed with TS2769, and only a
// Record<string, unknown> got through. Each body takes the place of listSongs' in the assembled
// solution, under the starter's own signature, and the lot is typechecked, strict, as npm test
// typechecks the lessons.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLesson, projectRoot } from '../../src/lessons/catalog.ts';
import { assembledCopy } from '../../src/lessons/variants.ts';

const listSongsBodies: Record<string, string> = {
  'the filter as it is': 'return Song.find(filter).sort({ createdAt: -1 });',
  'a filter made in place': 'return Song.find(filter.mood ? { mood: filter.mood } : {}).sort({ createdAt: -1 });',
  'a typed query built step by step':
    'const query: { mood?: Mood } = {};\n  if (filter.mood) query.mood = filter.mood;\n  return Song.find(query).sort({ createdAt: -1 });',
  'a query spread in': 'return Song.find({ ...(filter.mood && { mood: filter.mood }) }).sort({ createdAt: -1 });',
  "the query builder's where":
    "const query = Song.find();\n  if (filter.mood) query.where('mood').equals(filter.mood);\n  return query.sort('-createdAt');",
  'a plain record':
    'const query: Record<string, unknown> = {};\n  if (filter.mood) query.mood = filter.mood;\n  return Song.find(query).sort({ createdAt: -1 });',
};

// Inside the project, so that the copies find mongoose in node_modules as the lessons do.
const scratch = path.join(projectRoot, 'node_modules', '.cache', `natural-solutions-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("lesson 03's listSongs, written the ways a learner naturally would", () => {
  it('typechecks every one of them against the starter types', async () => {
    const lesson = findLesson('03');
    if (!lesson) throw new Error('no lesson 03');
    const solution = await assembledCopy(lesson, 'solution');
    const songs = readFileSync(path.join(solution.dir, 'songs.ts'), 'utf8');
    const listSongs = /(export async function listSongs\([^)]*\)[^{]*\{\n)[\s\S]*?\n\}\n/;
    const starter = readFileSync(path.join((await assembledCopy(lesson, 'starter')).dir, 'songs.ts'), 'utf8');
    const signature = listSongs.exec(starter)?.[1];
    expect(signature, "the starter's listSongs").toBeDefined();
    expect(songs, 'the solution has a listSongs to replace').toMatch(listSongs);
    const files = Object.entries(listSongsBodies).map(([way, body], index) => {
      const dir = path.join(scratch, String(index));
      mkdirSync(dir, { recursive: true });
      cpSync(solution.dir, dir, { recursive: true });
      writeFileSync(path.join(dir, 'songs.ts'), songs.replace(listSongs, `${signature}  ${body}\n}\n`));
      return { way, file: path.join(dir, 'songs.ts') };
    });
    const config = path.join(scratch, 'tsconfig.json');
    writeFileSync(
      config,
      JSON.stringify({
        extends: path.join(projectRoot, 'tsconfig.json'),
        files: files.map(({ file }) => file),
        include: [], // the copies only: npm test typechecks the rest of the project itself
      }),
    );
    const tsc = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'node_modules/typescript/bin/tsc'), '-p', config, '--pretty', 'false'],
      { encoding: 'utf8' },
    );
    const failing = files
      .filter(({ file }) => tsc.stdout.includes(path.relative(projectRoot, file)))
      .map(({ way }) => way);
    expect(failing, tsc.stdout).toEqual([]);
    expect(tsc.status, tsc.stdout).toBe(0);
  }, 120_000);
});
