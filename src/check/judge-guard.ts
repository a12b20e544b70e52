// The judge of a lesson's check is its test file, tests/support/ and, where the verdict goes,
// the progress file. Learner code runs with the check's rights and can rewrite them, during a
// check or in between ("Run the app"), so a verdict counts only from an untampered judge: test
// files as the course's digests say (tests/judge-digests.json, which `npm test` keeps true) and
// unchanged by the run; a file changed during the run is put back, and the check counts nothing.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { allLessons, lessonPaths, projectRoot } from '../lessons/catalog.ts';
import { progressTampered, putBackProgress, shownProgressFile } from '../progress/progress-store.ts';
import type { VerdictLanguage } from './explain-words.ts';
import { relativeToRoot, testFileOf } from './plan.ts';
import type { CheckProblem, CheckRequest, CheckResult, JudgeChange } from './types.ts';

/** The course's digests; PLAYGROUND_JUDGE_DIGESTS points elsewhere (the engine's tests, to play a changed test file). */
const digestsFile = process.env.PLAYGROUND_JUDGE_DIGESTS || path.join(projectRoot, 'tests', 'judge-digests.json');
const supportFolder = path.join(projectRoot, 'tests', 'support');

const words = {
  en: {
    'put-back': (file: string) =>
      `Your code changed ${file}, which judges it, while the check ran: the playground has put the file back, and this check counts for nothing (leave the tests alone, then check again).`,
    'not-the-course-copy': (file: string) =>
      `${file}, which judges your code, is not the course's copy any more (something changed it, perhaps your app), so no check counts until you put it back with git checkout -- ${file} (working on the course and changed it on purpose? npm run digests records it).`,
    progress: (file: string) =>
      `Your code changed your progress file (${file}) while the check ran: the playground has put back the progress it saved last, and this check counts for nothing (check again).`,
  },
  hinglish: {
    'put-back': (file: string) =>
      `Check ke dauraan aapke code ne ${file} badal di, jo aapke code ko judge karti hai: playground ne file wapas pehle jaisi kar di hai, aur yeh check gina nahi jayega (tests ko mat chhediye, phir dobara check kijiye).`,
    'not-the-course-copy': (file: string) =>
      `${file}, jo aapke code ko judge karti hai, ab course wali copy nahi rahi (kisi ne use badla hai, shayad aapke app ne), isliye jab tak aap use git checkout -- ${file} se wapas nahi laate, koi check nahi ginega (course par kaam kar rahe hain aur jaan-boojhkar badla hai? npm run digests use record kar dega).`,
    progress: (file: string) =>
      `Check ke dauraan aapke code ne aapki progress file (${file}) badal di: playground ne apni last saved progress wapas rakh di hai, aur yeh check gina nahi jayega (dobara check kijiye).`,
  },
} satisfies Record<VerdictLanguage, Record<JudgeChange, (file: string) => string>>;

/** The one sentence a check with a changed judge says, in the learner's language. */
export function judgeChangedText(problem: CheckProblem, language: VerdictLanguage): string {
  if (!problem.judge) return problem.message;
  return words[language][problem.judge.how](problem.judge.file);
}

// Line endings aside: git on Windows may check the tests out with CRLF.
const digestOf = (content: Buffer) =>
  createHash('sha256').update(content.toString('utf8').replaceAll('\r\n', '\n')).digest('hex');

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The modules of tests/support/ (an editor's swap or backup file beside them judges nothing). */
function supportFiles(): string[] {
  return readdirSync(supportFolder)
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => path.join(supportFolder, name));
}

/** Every lesson's test file and tests/support/, each with its sha-256: what tests/judge-digests.json holds. */
function judgeDigests(): Record<string, string> {
  const files = [...allLessons().map((lesson) => lessonPaths(lesson).testFile), ...supportFiles()];
  return Object.fromEntries(files.map((file) => [relativeToRoot(file), digestOf(readFileSync(file))]));
}

/** The digests the course came with; none when the file is gone (then no lesson's judge is trusted). */
function courseDigests(): Record<string, string> {
  try {
    return JSON.parse(readFileSync(digestsFile, 'utf8'));
  } catch {
    return {};
  }
}

/**
 * Reads the judge of `requests` now, before their run; the function it answers takes the run's
 * results and gives each one judged by a changed file a verdict of its own: no pass, nothing
 * to record, one sentence. Files changed during the run are put back first.
 */
export function guardJudge(requests: CheckRequest[]): (results: CheckResult[]) => CheckResult[] {
  const course = courseDigests();
  const before = new Map<string, Buffer | undefined>();
  const judgeOf = (request: CheckRequest) => [testFileOf(request), ...('lesson' in request ? supportFiles() : [])];
  for (const file of requests.flatMap(judgeOf)) if (!before.has(file)) before.set(file, readOrUndefined(file));
  const progressBefore = progressTampered();

  return (results) => {
    const changed = new Map<string, JudgeChange>();
    for (const [file, content] of before) {
      const now = readOrUndefined(file);
      if (content && !(now && content.equals(now))) {
        writeFileSync(file, content);
        changed.set(file, 'put-back');
      }
    }
    // Honest saves by another runner during the run leave the file as its backup says; only another writer does not.
    const progressChanged = !progressBefore && progressTampered() !== undefined;
    if (progressChanged) putBackProgress();
    return results.map((result) => {
      const request = result.request;
      // A file missing before the run is not judged here: the check says so in its own words.
      const unlikeCourse = (file: string, content = before.get(file)) =>
        'lesson' in request && content !== undefined && course[relativeToRoot(file)] !== digestOf(content);
      const file = judgeOf(request).find((candidate) => changed.has(candidate) || unlikeCourse(candidate));
      if (file) return judgeChanged(result, relativeToRoot(file), changed.get(file) ?? 'not-the-course-copy');
      if (progressChanged) return judgeChanged(result, shownProgressFile(), 'progress');
      return result;
    });
  };
}

function judgeChanged(result: CheckResult, file: string, how: JudgeChange): CheckResult {
  const problem: CheckProblem = { kind: 'judge-changed', message: words.en[how](file), judge: { file, how } };
  return { request: result.request, name: result.name, passed: false, tests: [], problem };
}

const digestsText = () => `${JSON.stringify(judgeDigests(), null, 2)}\n`;

/** Whether tests/judge-digests.json holds the digests of the tests as they are (`npm test` asks). */
export function judgeDigestsCurrent(): boolean {
  return readOrUndefined(digestsFile)?.toString() === digestsText();
}

/** Records the digests of the judge as it is now, for `npm run digests` after an engine developer changed a test. */
export function recordJudgeDigests(): void {
  writeFileSync(digestsFile, digestsText());
}
