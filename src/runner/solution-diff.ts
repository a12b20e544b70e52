// Shows the learner's exercise files next to the reference solution as a readable line
// diff: "-" lines are yours, "+" lines are the solution's, with a little context around.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lessonPaths, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import { paint as defaultPaint, type Paint } from './terminal.ts';

type Edit = { kind: 'same' | 'yours' | 'solution'; text: string };

/** The edits turning `yours` into `solution`, from their longest common subsequence of lines. */
export function diffLines(yours: string[], solution: string[]): Edit[] {
  const rows = yours.length;
  const columns = solution.length;
  // common[i][j]: length of the longest common subsequence of yours[i..] and solution[j..].
  const common = Array.from({ length: rows + 1 }, () => new Uint32Array(columns + 1));
  for (let i = rows - 1; i >= 0; i--) {
    for (let j = columns - 1; j >= 0; j--) {
      common[i][j] = yours[i] === solution[j] ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
    }
  }
  const edits: Edit[] = [];
  let i = 0;
  let j = 0;
  while (i < rows || j < columns) {
    if (i < rows && j < columns && yours[i] === solution[j]) {
      edits.push({ kind: 'same', text: yours[i++] });
      j++;
    } else if (j < columns && (i === rows || common[i][j + 1] > common[i + 1][j])) {
      edits.push({ kind: 'solution', text: solution[j++] });
    } else {
      edits.push({ kind: 'yours', text: yours[i++] });
    }
  }
  return edits;
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

/** The whole comparison of the learner's copy with the solution, file by file, ready to print. */
export function solutionComparison(lesson: LessonEntry, paint: Paint = defaultPaint): string {
  const { playgroundDir, solutionDir } = lessonPaths(lesson);
  const parts: string[] = [paint('dim', `${paint('red', '- your line')}   ${paint('green', "+ the solution's line")}`)];
  for (const file of lesson.exerciseFiles) {
    const yoursPath = path.join(playgroundDir, file);
    const solutionPath = path.join(solutionDir, file);
    const yours = readLines(yoursPath);
    const solution = readLines(solutionPath)!; // the proof checks every solution has every exercise file
    const title = paint(
      'bold',
      `${path.relative(projectRoot, yoursPath)}  vs  ${path.relative(projectRoot, solutionPath)}`,
    );
    if (!yours)
      parts.push(
        `${title}\nYour copy is missing; here is the whole solution:\n${solution.map((line) => paint('green', `+ ${line}`)).join('\n')}`,
      );
    else if (yours.join('\n') === solution.join('\n')) parts.push(`${title}\nYour file matches the solution exactly.`);
    else parts.push(`${title}\n${formatDiff(diffLines(yours, solution), paint)}`);
  }
  return parts.join('\n\n') + '\n';
}
