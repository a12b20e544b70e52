// What TypeScript says about the learner's files, in a beginner's words: the place, TypeScript's
// own sentence (its error number kept, so it can be looked up), and for the errors these
// lessons meet most, what it usually means here.
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';
import type { TypeIssue } from './types-check/type-checker.ts';

/** The issues shown, at most: the first ones are usually the cause of the others. */
const shown = 3;

/** What an error number usually means in these lessons, when that is worth a sentence. */
function meaning(issue: TypeIssue): string | undefined {
  if (issue.code === 2339 && issue.message.includes("on type 'Promise<"))
    return 'You are using a Promise as if it were its result: await it first (const result = await …).';
  if (issue.code === 2304) return 'That name is not known here: a typo, or an import that is missing?';
  if (issue.code === 2307)
    return 'That import names a file or package that is not there: check the path and the .ts ending.';
  if (issue.code === 2322 || issue.code === 2345)
    return 'A value does not have the type that place asks for: compare what you pass with what is expected.';
  if (issue.code === 2554) return 'A function is called with more or fewer arguments than it takes.';
  return undefined;
}

/** The lines to add after a check's verdict, or none when TypeScript has nothing to say. */
export function explainTypeIssues(issues: TypeIssue[] | undefined): string[] {
  if (!issues?.length) return [];
  const lines = ['TypeScript also has something to say about your code (the checks run it without checking types):'];
  for (const issue of issues.slice(0, shown)) {
    const where = [path.relative(projectRoot, issue.file), issue.line, issue.column].filter(Boolean).join(':');
    lines.push(`  ${where}  ${issue.message} (TS${issue.code})`);
    const said = meaning(issue);
    if (said) lines.push(`    ${said}`);
  }
  if (issues.length > shown) lines.push(`  …and ${issues.length - shown} more: your editor shows them all.`);
  return lines;
}
