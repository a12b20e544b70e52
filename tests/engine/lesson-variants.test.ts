// Assembled copies of a lesson's exercise: laid layer over layer, stored at a path that only
// changes with their content, written once even when many processes ask at the same time.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { findLesson, projectRoot } from '../../src/lessons/catalog.ts';
import { givenHeader, layeredFiles } from '../../src/lessons/layers.ts';
import { storeOnce, type FileContents } from '../../src/lessons/variants.ts';

const parent = mkdtempSync(path.join(os.tmpdir(), 'lesson-variants-'));
afterAll(() => rmSync(parent, { recursive: true, force: true }));

const files = (text: string): FileContents =>
  new Map([
    ['a.ts', { content: Buffer.from(`export const a = '${text}';\n`) }],
    ['nested/b.ts', { content: Buffer.from('export const b = 2;\n') }],
  ]);
const read = (file: string) => readFileSync(file, 'utf8');

describe('layeredFiles', () => {
  const lesson = findLesson('06')!;
  const source = (file: string) => read(path.join(projectRoot, file));

  it("gives a later lesson an earlier lesson's solution file, with a first line saying so", async () => {
    const starter = await layeredFiles(lesson, 'starter');
    const schema = starter.get('song.schema.ts')!;
    expect(schema.source).toBe(path.join('solutions', '02-schema', 'song.schema.ts'));
    expect(schema.content.toString()).toBe(
      givenHeader({ file: 'song.schema.ts', fromLesson: '02-schema' }) + source(schema.source),
    );
    expect(schema.content.toString().split('\n')[0]).toMatch(/^\/\/ Given: lesson 02's song\.schema\.ts/);
  });

  it('lays the solution over the starter, and a mistake over the solution', async () => {
    const solution = await layeredFiles(lesson, 'solution');
    expect(solution.get('save-songs.ts')!.source).toBe(path.join('solutions', lesson.slug, 'save-songs.ts'));
    expect(solution.get('receive-audio.ts')!.source).toBe(
      path.join('lessons', lesson.slug, 'starter', 'receive-audio.ts'),
    );
    const mistake = await layeredFiles(lesson, 'mistake:foreach-async');
    expect(mistake.get('save-songs.ts')!.source).toBe(
      path.join('lessons', lesson.slug, 'mistakes', 'foreach-async', 'save-songs.ts'),
    );
    expect(mistake.get('songs.routes.ts')!.source).toBe(path.join('solutions', lesson.slug, 'songs.routes.ts'));
  });

  it('refuses a mistake the lesson does not have, naming the ones it has', async () => {
    await expect(layeredFiles(lesson, 'mistake:no-such-thing')).rejects.toThrow('foreach-async');
  });
});

describe('storeOnce', () => {
  it('stores the files once, at a path that changes only with their content', async () => {
    const first = await storeOnce(parent, 'solution', files('one'));
    expect(read(path.join(first, 'a.ts'))).toBe("export const a = 'one';\n");
    expect(read(path.join(first, 'nested', 'b.ts'))).toBe('export const b = 2;\n');
    expect(await storeOnce(parent, 'solution', files('one'))).toBe(first);
    expect(await storeOnce(parent, 'solution', files('two'))).not.toBe(first);
  });

  it('writes one complete copy when many callers and processes ask for it at the same time', async () => {
    const shared = path.join(parent, 'race');
    const inChild = () =>
      promisify(execFile)(
        process.execPath,
        [
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          `import { storeOnce } from ${JSON.stringify(path.join(projectRoot, 'src/lessons/variants.ts'))};
           const files = new Map([['a.ts', { content: Buffer.from("export const a = 'child';\\n") }]]);
           console.log(await storeOnce(${JSON.stringify(shared)}, 'starter', files));`,
        ],
        { cwd: projectRoot },
      ).then(({ stdout }) => stdout.trim());
    const [children, callers] = await Promise.all([
      Promise.all([inChild(), inChild(), inChild()]),
      Promise.all(Array.from({ length: 8 }, () => storeOnce(shared, 'starter', files('race')))),
    ]);
    expect(new Set(children).size).toBe(1);
    expect(new Set(callers).size).toBe(1);
    // Two complete copies, and no half-written folder left behind.
    expect(readdirSync(shared).sort()).toEqual([path.basename(children[0]), path.basename(callers[0])].sort());
    expect(read(path.join(children[0], 'a.ts'))).toBe("export const a = 'child';\n");
    expect(read(path.join(callers[0], 'nested', 'b.ts'))).toBe('export const b = 2;\n');
  }, 60_000);

  it('sweeps copies unused for a day and abandoned half-written folders, and keeps the others', async () => {
    const lessonDir = path.join(parent, 'sweep');
    const old = new Date(Date.now() - 2 * 24 * 60 * 60_000);
    const recent = await storeOnce(lessonDir, 'solution', files('recent'));
    for (const stale of ['starter-000000000000', '.tmp-1-abandoned']) {
      mkdirSync(path.join(lessonDir, stale));
      utimesSync(path.join(lessonDir, stale), old, old);
    }
    const fresh = await storeOnce(lessonDir, 'solution', files('fresh'));
    expect(readdirSync(lessonDir).sort()).toEqual([path.basename(fresh), path.basename(recent)].sort());
  });
});
