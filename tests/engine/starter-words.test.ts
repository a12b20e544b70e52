// What a starter's own code says to the learner comes in both languages, since one file serves
// both: its opening comment (the TODO, or what a given file is) has a "Hinglish:" part, and a
// stub that is not written yet says so in Hinglish too, wherever it shows (terminal, verdict, page).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allLessons, lessonPaths } from '../../src/lessons/catalog.ts';

/** The starter's code files, by their path in the project. */
function starterCode(slug: string, starterDir: string): string[] {
  return readdirSync(starterDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|js)$/.test(file))
    .map((file) => path.join('lessons', slug, 'starter', file));
}

const files = allLessons().flatMap((lesson) =>
  starterCode(lesson.slug, path.join(lessonPaths(lesson).lessonDir, 'starter')),
);

describe.each(files)('%s', (file) => {
  const code = readFileSync(file, 'utf8');

  it('opens with a comment that has its Hinglish', () => {
    const opening = code.match(/^(\/\/.*\n)+/)?.[0] ?? '';
    expect(opening).toContain('Hinglish:');
  });

  it('says "not written yet" in Hinglish too', () => {
    // A message is one string, or strings joined with +: each with "not written yet" is read whole.
    const messages = code.match(/(['`])[^'`]*not written yet[^'`]*\1(\s*\+\s*(['`])[^'`]*\3)*/g) ?? [];
    for (const message of messages) expect(message).toMatch(/\(Hinglish: \S.*likha nahi gaya.*\)/);
  });
});
