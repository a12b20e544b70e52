// Shows the learner's exercise files next to the reference solution as a readable line
// diff: "-" lines are yours, "+" lines are the solution's, with a little context around.
import { existsSync, readFileSync } from 'node:fs';
import { diffArrays } from 'diff';
import path from 'node:path';
import { lessonPaths, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import type { Language } from '../progress/progress-store.ts';
import { paint as defaultPaint, type Paint } from '../terminal/terminal.ts';

type Edit = { kind: 'same' | 'yours' | 'solution'; text: string };

/** The edits turning `yours` into `solution`, line by line (the diff package's Myers diff). */
export function lineEdits(yours: string[], solution: string[]): Edit[] {
  return diffArrays(yours, solution).flatMap((change) =>
    change.value.map((text): Edit => ({ kind: change.added ? 'solution' : change.removed ? 'yours' : 'same', text })),
  );
}

/** The changed lines with `context` unchanged lines around them; "…" marks skipped parts. */
export function formatDiff(edits: Edit[], paint: Paint = defaultPaint, context = 3): string {
  const keep = edits.map(() => false);
  edits.forEach((edit, index) => {
    if (edit.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(edits.length - 1, index + context); k++) keep[k] = true;
  });
  const lines: string[] = [];
  let skipped = false;
  edits.forEach((edit, index) => {
    if (!keep[index]) {
      skipped = true;
      return;
    }
    if (skipped && lines.length > 0) lines.push(paint('dim', '  …'));
    skipped = false;
    if (edit.kind === 'same') lines.push(paint('dim', `  ${edit.text}`));
    else if (edit.kind === 'yours') lines.push(paint('red', `- ${edit.text}`));
    else lines.push(paint('green', `+ ${edit.text}`));
  });
  return lines.join('\n');
}

function readLines(file: string): string[] | undefined {
  if (!existsSync(file)) return undefined;
  return readFileSync(file, 'utf8').replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
}

const words = {
  en: {
    yours: '- your line',
    theirs: "+ the solution's line",
    missing: 'Your copy is missing; here is the whole solution:',
    same: 'Your file matches the solution exactly.',
  },
  hinglish: {
    yours: '- aapki line',
    theirs: '+ solution ki line',
    missing: 'Aapki copy nahi mili; yeh raha poora solution:',
    same: 'Aapki file solution se bilkul match karti hai.',
  },
};

/** The whole comparison of the learner's copy with the solution, file by file, ready to print. */
export function solutionComparison(
  lesson: LessonEntry,
  language: Language = 'en',
  paint: Paint = defaultPaint,
): string {
  const { playgroundDir, solutionDir } = lessonPaths(lesson);
  const said = words[language];
  const parts: string[] = [];
  let differs = false;
  for (const file of lesson.exerciseFiles) {
    const yoursPath = path.join(playgroundDir, file);
    const solutionPath = path.join(solutionDir, file);
    const yours = readLines(yoursPath);
    const solution = readLines(solutionPath)!; // the proof checks every solution has every exercise file
    const title = paint(
      'bold',
      `${path.relative(projectRoot, yoursPath)}  vs  ${path.relative(projectRoot, solutionPath)}`,
    );
    const same = yours?.join('\n') === solution.join('\n');
    differs ||= !same;
    if (!yours)
      parts.push(`${title}\n${said.missing}\n${solution.map((line) => paint('green', `+ ${line}`)).join('\n')}`);
    else if (same) parts.push(`${title}\n${said.same}`);
    else parts.push(`${title}\n${formatDiff(lineEdits(yours, solution), paint)}`);
  }
  // The key to - and + only where some line is marked with them.
  if (differs) parts.unshift(paint('dim', `${paint('red', said.yours)}   ${paint('green', said.theirs)}`));
  return parts.join('\n\n') + '\n';
}
