// What TypeScript says about the learner's files, in a beginner's words: the place, TypeScript's
// own sentence (its error number kept, so it can be looked up), and for the errors these
// lessons meet most, what it usually means here, in the learner's language.
import path from 'node:path';
import { projectRoot } from '../lessons/catalog.ts';
import { cap } from './error-text.ts';
import type { VerdictLanguage } from './explain-words.ts';
import type { TypeIssue } from './types-check/type-checker.ts';

/** The issues shown, at most: the first ones are usually the cause of the others. */
const shown = 3;
/** TypeScript's sentence and the learner's line are cut past this: a type can be a page long. */
const maxLine = 200;

interface TypeWords {
  head: string;
  /** The head under a pass: the code runs right, yet TypeScript would not accept it. */
  passedHead: string;
  more: (count: number) => string;
  promiseUsedAsResult: string;
  unknownName: string;
  missingImport: string;
  wrongType: string;
  argumentCount: string;
}

const english: TypeWords = {
  head: 'TypeScript also has something to say about your code (the checks run it without checking types):',
  passedHead:
    'The checks pass, but TypeScript disagrees with your code (the checks run it without checking types). Your editor shows it too:',
  more: (count) => `…and ${count} more: your editor shows them all.`,
  promiseUsedAsResult: 'You are using a Promise as if it were its result: await it first (const result = await …).',
  unknownName: 'That name is not known here: a typo, or an import that is missing?',
  missingImport: 'That import names a file or package that is not there: check the path and the .ts ending.',
  wrongType: 'A value does not have the type that place asks for: compare what you pass with what is expected.',
  argumentCount: 'A function is called with more or fewer arguments than it takes.',
};

const hinglish: TypeWords = {
  head: 'TypeScript ko bhi aapke code ke baare mein kuch kehna hai (checks types check kiye bina code chalate hain):',
  passedHead:
    'Checks pass hain, lekin TypeScript aapke code se sehmat nahi hai (checks types check kiye bina code chalate hain). Aapka editor bhi yeh dikhata hai:',
  more: (count) => `…aur bhi ${count} ${count === 1 ? 'hai' : 'hain'}: aapka editor sab dikhata hai.`,
  promiseUsedAsResult:
    'Aap Promise ko aise use kar rahe hain jaise woh uska result ho: pehle await kijiye (const result = await …).',
  unknownName: 'Yeh naam yahan koi nahi jaanta: typo hai, ya koi import chhoot gaya?',
  missingImport: 'Yeh import jis file ya package ka naam leta hai woh hai hi nahi: path aur .ts ending check kijiye.',
  wrongType: 'Value ka type woh nahi jo us jagah chahiye: jo bhej rahe hain use expected type se milaiye.',
  argumentCount: 'Function ko jitne arguments chahiye, usse kam ya zyada diye gaye hain.',
};

/** What an error number usually means in these lessons, when that is worth a sentence. */
function meaning(issue: TypeIssue, words: TypeWords): string | undefined {
  if (issue.code === 2339 && issue.message.includes("on type 'Promise<")) return words.promiseUsedAsResult;
  if (issue.code === 2304) return words.unknownName;
  if (issue.code === 2307) return words.missingImport;
  if (issue.code === 2322 || issue.code === 2345 || issue.code === 2769) return words.wrongType;
  if (issue.code === 2554) return words.argumentCount;
  return undefined;
}

/**
 * TypeScript's first line, which says what is wrong; the lines under it say why, type by type.
 * "No overload matches this call" (TS2769) says nothing alone: the last overload's reason follows it.
 */
function firstUsefulLine(issue: TypeIssue): string {
  const [first = '', ...reasons] = issue.message.split('\n').map((line) => line.trim());
  const reason =
    issue.code === 2769 ? reasons.find((line) => line && !line.endsWith('gave the following error.')) : undefined;
  return cap(reason ? `${first} ${reason}` : first, maxLine);
}

/**
 * The lines to add after a check's verdict, or none when TypeScript has nothing to say.
 * `passed`: the verdict was a pass, which TypeScript's view then qualifies.
 */
export function explainTypeIssues(
  issues: TypeIssue[] | undefined,
  language: VerdictLanguage = 'en',
  passed = false,
): string[] {
  if (!issues?.length) return [];
  const words = language === 'hinglish' ? hinglish : english;
  const lines = [passed ? words.passedHead : words.head];
  for (const issue of issues.slice(0, shown)) {
    // TypeScript's own sentence stays English: it is what a search engine and the docs know.
    const where = [path.relative(projectRoot, issue.file), issue.line, issue.column].filter(Boolean).join(':');
    lines.push(`  ${where}  ${firstUsefulLine(issue)} (TS${issue.code})`);
    if (issue.source) lines.push(`    ${issue.line} | ${cap(issue.source, maxLine)}`);
    const said = meaning(issue, words);
    if (said) lines.push(`    ${said}`);
  }
  if (issues.length > shown) lines.push(`  ${words.more(issues.length - shown)}`);
  return lines;
}
