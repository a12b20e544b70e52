// What TypeScript says beside a check's verdict: the checks run code with types stripped, so
// a type error lesson 06 teaches (TS2339 on a Promise not awaited) is found by a warm
// TypeScript of its own, and said in the learner's language.
import { afterAll, describe, expect, it } from 'vitest';
import { explainTypeIssues } from '../../src/check/explain-types.ts';
import { TypeChecker } from '../../src/check/types-check/type-checker.ts';
import { scratchLesson } from './fixtures/scratch.ts';

const notAwaited = `async function upload(): Promise<{ url: string }> {
  return { url: 'https://example.com/a.mp3' };
}
export function add(a: number, b: number): number {
  const uploaded = upload();
  console.log(uploaded.url);
  return a + b;
}
`;

const checker = new TypeChecker();
const lesson = scratchLesson('passing', notAwaited);
afterAll(async () => {
  await checker.stop();
  lesson.remove();
});

describe('TypeChecker on a learner file', () => {
  it('reports a Promise used as its result, with the place and the error number', async () => {
    const issues = await checker.check([lesson.exercise]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: lesson.exercise, line: 6, code: 2339 });
    expect(issues[0].message).toContain("Property 'url' does not exist on type 'Promise<");
  });

  it('reports nothing once the file is right, on the same warm checker', async () => {
    lesson.write(notAwaited.replace('const uploaded = upload();', 'const uploaded = { url: "" };'));
    expect(await checker.check([lesson.exercise])).toEqual([]);
  });
});

// Lesson 03's listSongs with a filter typed too loosely for Mongoose: TS2769, a paragraph of
// about 1,500 characters that names every type Mongoose tried.
const looseFilter = `import mongoose from 'mongoose';
const Song = mongoose.model('Song', new mongoose.Schema({ title: String, mood: { type: String, enum: ['happy', 'sad'] } }));
export function listSongs(filter: { mood?: number } = {}) {
  return Song.find(filter).sort({ createdAt: -1 });
}
`;

describe('a long TypeScript error (TS2769, no overload matches)', () => {
  const mongooseLesson = scratchLesson('passing', looseFilter);
  afterAll(() => mongooseLesson.remove());

  it("is cut to its first useful line, under which comes the learner's line", async () => {
    const issues = await checker.check([mongooseLesson.exercise]);
    expect(issues).toMatchObject([{ code: 2769, line: 4 }]);
    expect(issues[0].message.length).toBeGreaterThan(1000);
    const lines = explainTypeIssues(issues);
    const said = lines.find((line) => line.includes('(TS2769)'))!;
    expect(said).toMatch(/No overload matches this call\. Argument of type '\{ mood\?: number/);
    expect(said.length).toBeLessThan(320);
    expect(lines[lines.indexOf(said) + 1]).toBe('    4 | return Song.find(filter).sort({ createdAt: -1 });');
    expect(lines.join('\n').length).toBeLessThan(800);
  });
});

describe('explainTypeIssues', () => {
  const issue = {
    file: '/x/song.ts',
    line: 6,
    column: 24,
    code: 2339,
    message: "Property 'url' does not exist on type 'Promise<{ url: string; }>'.",
  };

  it("keeps TypeScript's sentence and number, and says what it means here", () => {
    const lines = explainTypeIssues([issue]);
    expect(lines[0]).toMatch(/the checks run it without checking types/);
    expect(lines.join('\n')).toContain('(TS2339)');
    expect(lines.join('\n')).toContain('await it first');
  });

  it('speaks Hinglish around the same TypeScript sentence', () => {
    const text = explainTypeIssues([issue], 'hinglish').join('\n');
    expect(text).toContain('pehle await kijiye');
    expect(text).toContain("Property 'url' does not exist");
  });

  it('under a pass, says the checks pass but TypeScript disagrees, in either language', () => {
    expect(explainTypeIssues([issue], 'en', true)[0]).toMatch(/^The checks pass, but TypeScript disagrees/);
    expect(explainTypeIssues([issue], 'hinglish', true)[0]).toMatch(/^Checks pass hain, lekin TypeScript/);
  });

  it('says nothing when TypeScript has nothing to say', () => {
    expect(explainTypeIssues([])).toEqual([]);
  });
});
