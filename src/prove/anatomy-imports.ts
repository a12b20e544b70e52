// The proof's look at what a lesson's tests import. They load the learner's code only through
// useLesson() (tests/support/use-lesson.ts), in a hook: a warm check prepares its run before
// the learner saves, and only hooks run after the save. (That a lesson's app imports nothing
// from the engine, dependency-cruiser checks: .dependency-cruiser.cjs.)
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** The relative module paths a TypeScript file imports, statically or with import(), resolved from `root`. */
function importedPaths(source: string, file: string, root: string): string[] {
  const specifiers = [...source.matchAll(/\bfrom\s*['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g)].map(
    (match) => match[1] ?? match[2],
  );
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) =>
      path
        .relative(root, path.resolve(path.dirname(file), specifier))
        .split(path.sep)
        .join('/'),
    );
}

/** Where learner code lives: the working copies, the solutions, and the starters and mistakes. */
function isLearnerCode(relative: string): boolean {
  return /^(playground|solutions)\//.test(relative) || /^lessons\/[^/]+\/(starter|mistakes)\//.test(relative);
}

/** What is wrong with a lesson's test file, one sentence each; empty when nothing is. */
export async function testFileProblems(root: string, slug: string): Promise<string[]> {
  const file = path.join(root, 'tests', `${slug}.test.ts`);
  const source = await readFile(file, 'utf8').catch(() => undefined);
  if (source === undefined) return [];
  const problems: string[] = [];
  if (!new RegExp(`\\buseLesson\\s*(<[^>]*>)?\\(\\s*['"]${slug}['"]`).test(source))
    problems.push(`tests/${slug}.test.ts never calls useLesson('${slug}'): that is how a test gets the learner's code`);
  for (const imported of importedPaths(source, file, root).filter(isLearnerCode))
    problems.push(
      `tests/${slug}.test.ts imports ${imported} itself: load the learner's code only through useLesson(), ` +
        'so a check can start before the learner saves',
    );
  return problems;
}
