// The proof's anatomy check (src/prove/anatomy.ts), on a made-up project in a temporary
// folder: a whole lesson passes, and each way of breaking it is named.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LessonEntry } from '../../src/lessons/catalog.ts';
import { anatomyProblems } from '../../src/prove/anatomy.ts';
import { unsaidSentences } from '../../src/prove/anatomy-sentences.ts';

const lesson: LessonEntry = {
  number: '01',
  slug: '01-demo',
  title: 'Demo',
  titleHinglish: 'Demo',
  exerciseFiles: ['song.ts'],
  mistakes: [{ folder: 'wrong', what: 'Something wrong.', explains: 'wrong' }],
};
const later: LessonEntry = {
  ...lesson,
  number: '02',
  slug: '02-later',
  exerciseFiles: ['play.ts'],
  mistakes: [],
  given: [{ file: 'song.ts', fromLesson: '01-demo' }],
};

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, content = '// x\n'): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), content);
}

/** A project whose two lessons have everything they need. */
function wholeProject(): void {
  root = mkdtempSync(path.join(os.tmpdir(), 'lesson-anatomy-'));
  for (const { slug, exerciseFiles } of [lesson, later]) {
    const text = '# Title\n\n## One\n\n```sh\n# not a heading\n```\n\n## Two\n';
    write(`lessons/${slug}/lesson.md`, text);
    write(`lessons/${slug}/lesson.hinglish.md`, text);
    write(`lessons/${slug}/hints.md`, '# Hints\n\n## Hint 1\n\nLook.\n\n## Hint 2\n\nLook again.\n');
    write(`lessons/${slug}/hints.hinglish.md`, '# Hints\n\n## Hint 1\n\nDekho.\n\n## Hint 2\n\nPhir dekho.\n');
    write(`lessons/${slug}/app.ts`, "import express from 'express';\nimport { x } from '../shared/errors.ts';\n");
    write(`lessons/${slug}/starter/${exerciseFiles[0]}`);
    write(`solutions/${slug}/${exerciseFiles[0]}`);
    write(`tests/${slug}.test.ts`, `const lesson = useLesson<Exercise>('${slug}');\n`);
  }
  write('lessons/01-demo/mistakes/wrong/song.ts');
  write('lessons/shared/errors.ts', "import mongoose from 'mongoose';\n");
}

const problems = async () =>
  (await anatomyProblems(root, [lesson, later])).map((problem) => `${problem.where}: ${problem.what}`);

describe('anatomyProblems', () => {
  it('finds nothing wrong in a whole project', async () => {
    wholeProject();
    expect(await problems()).toEqual([]);
  });

  it.each([
    [
      'a missing Hinglish text',
      () => rmSync(path.join(root, 'lessons/01-demo/lesson.hinglish.md')),
      'has no lessons/01-demo/lesson.hinglish.md',
    ],
    [
      'a section missing in one language',
      () => write('lessons/01-demo/lesson.hinglish.md', '# Title\n\n## One\n'),
      'both languages need the same sections',
    ],
    [
      'a "Common mistakes" bullet missing in Hinglish',
      () => {
        write('lessons/01-demo/lesson.md', '# Title\n\n## One\n\n## Common mistakes\n\n- `a`\n- `b`\n');
        write('lessons/01-demo/lesson.hinglish.md', '# Title\n\n## One\n\n## Aam galtiyaan\n\n- `a`\n');
      },
      'lesson.md has 2 bullets under "## Common mistakes" and lesson.hinglish.md 1 under "## Aam galtiyaan"',
    ],
    [
      'an empty hint',
      () => write('lessons/01-demo/hints.md', '## Hint 1\n\n## Hint 2\n\nLook.\n'),
      'hints.md: Hint 1 is empty',
    ],
    [
      'hints that differ between languages',
      () => write('lessons/01-demo/hints.hinglish.md', '## Hint 1\n\nDekho.\n'),
      'hints.md has 2 hints and hints.hinglish.md 1',
    ],
    [
      'a starter without an exercise file',
      () => rmSync(path.join(root, 'lessons/01-demo/starter/song.ts')),
      'starter/ has no song.ts',
    ],
    [
      'a given file in a solution',
      () => write('solutions/02-later/song.ts'),
      'solutions/02-later/song.ts is not an exercise file',
    ],
    [
      'a given file also in the starter',
      () => write('lessons/02-later/starter/song.ts'),
      'is also given from 01-demo: keep only one',
    ],
    [
      'a listed mistake with no folder',
      () => rmSync(path.join(root, 'lessons/01-demo/mistakes/wrong'), { recursive: true }),
      'has no files in lessons/01-demo/mistakes/wrong/',
    ],
    [
      'an unlisted mistake',
      () => write('lessons/01-demo/mistakes/other/song.ts'),
      'mistakes/other/ is not among the manifest',
    ],
    [
      'a mistake holding more than exercise files',
      () => write('lessons/01-demo/mistakes/wrong/extra.ts'),
      'mistakes/wrong/extra.ts is not an exercise file',
    ],
    [
      'an unlisted lesson folder',
      () => write('lessons/03-ghost/lesson.md'),
      'lessons/03-ghost/: is not a lesson of lessons/manifest.ts',
    ],
    ['an unlisted solution folder', () => write('solutions/03-ghost/x.ts'), 'solutions/03-ghost/: is not a lesson'],
    ['a missing test file', () => rmSync(path.join(root, 'tests/01-demo.test.ts')), 'has no tests/01-demo.test.ts'],
    [
      'a test file without useLesson',
      () => write('tests/01-demo.test.ts', "import { it } from 'vitest';\n"),
      "never calls useLesson('01-demo')",
    ],
    [
      'a test file importing the learner code itself',
      () =>
        write(
          'tests/01-demo.test.ts',
          "import { songSchema } from '../solutions/01-demo/song.ts';\nuseLesson('01-demo');\n",
        ),
      'imports solutions/01-demo/song.ts itself',
    ],
    [
      'a test file importing a playground copy with import()',
      () => write('tests/01-demo.test.ts', "useLesson('01-demo');\nawait import('../playground/01-demo/song.ts');\n"),
      'imports playground/01-demo/song.ts itself',
    ],
  ])('names %s', async (_what, breakIt, expected) => {
    wholeProject();
    breakIt();
    expect((await problems()).join('\n')).toContain(expected);
  });
});

describe('unsaidSentences: every sentence of a lesson test in both languages', () => {
  const unsaid = (source: string) => unsaidSentences(source, 'tests/01-demo.test.ts');

  it('accepts titles and messages built with said() or inBoth(), directly or through a constant or a function', () => {
    const source = [
      "const gone = said('Gone.', 'Chala gaya.');",
      'function late(ms: number) { return ms > 1 ? said(`Late ` + ms, `Der ` + ms) : gone; }',
      "describe(inBoth('POST /api/songs'), () => {",
      "  it(said('saves', 'save karta hai'), async (context) => {",
      "    if (x) context.skip(said('no storage', 'storage nahi hai'));",
      '    expect(1, late(2)).toBe(1);',
      '    expect(1, x ? gone : said("a", "b")).toBe(1);',
      '    expect(/a/.test(value)).toBe(true);',
      '    if (!y) expect.fail(late(3));',
      '    throw new Error(gone);',
      '  });',
      '});',
    ].join('\n');
    expect(unsaid(source)).toEqual([]);
  });

  it('names each title, message, skip note and thrown error said in English only, with its line', () => {
    const source = [
      "describe('POST /api/songs', () => {",
      "  it.skip('saves', async (context) => {",
      "    context.skip('no storage');",
      "    expect(1, x ? said('a', 'b') : 'plain').toBe(1);",
      '    expect.fail(english());',
      "    throw new Error('it broke: ' + why);",
      '  });',
      '});',
      "function english() { return 'English only'; }",
    ].join('\n');
    expect(unsaid(source)).toEqual([
      "line 1: describe(…) says 'POST /api/songs' in English only",
      "line 2: it(…) says 'saves' in English only",
      "line 3: skip(…) says 'no storage' in English only",
      "line 4: expect(…) says x ? said('a', 'b') : 'plain' in English only",
      'line 5: fail(…) says english() in English only',
      "line 6: Error(…) says 'it broke: ' + why in English only",
    ]);
  });

  it('refuses it.each titles: vitest fills %s in the English half only', () => {
    expect(unsaid("it.each([1, 2])(said('adds %s', '%s jodta hai'), () => {});")).toEqual([
      'line 1: it.each(…) titles: write a loop of it(said(…)) instead',
    ]);
  });

  it("lists what a lesson's test file says in English only among the lesson's problems", async () => {
    wholeProject();
    write('tests/01-demo.test.ts', "useLesson('01-demo');\nit('saves', () => {});\n");
    expect(await problems()).toEqual([
      "01-demo: tests/01-demo.test.ts, line 2: it(…) says 'saves' in English only: build it with said(english, hinglish) or inBoth(words) (tests/support/said.ts)",
    ]);
  });
});
