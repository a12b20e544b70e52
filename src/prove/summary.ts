// The proof's report: one line per engine test file and per lesson variant, then the
// total. Colours only on a terminal (never with CI=true or NO_COLOR).
import type { EngineFileResult } from '../check/index.ts';
import { colourEnabled, painter } from '../terminal/terminal.ts';

/** No spinner and no colour: in CI, with NO_COLOR, or when the output is not a terminal. */
export const plain = process.env.CI === 'true' || process.env.NO_COLOR !== undefined || !process.stdout.isTTY;

// The runner's painter, so that when to colour is decided in one place (TERM=dumb included).
export const paint = painter(!plain && colourEnabled());

export function mark(ok: boolean): string {
  return ok ? paint('green', '✔') : paint('red', '✘');
}

/** Counts of an engine test file: every test case is one item of the proof. */
export function engineCounts(file: EngineFileResult): { passed: number; failed: number } {
  const failed = file.tests.filter((test) => test.state === 'failed').length;
  const passed = file.tests.filter((test) => test.state === 'passed').length;
  // A file that never ran its tests still counts once, as a failure.
  return { passed, failed: file.problem && failed === 0 ? Math.max(1, file.tests.length) : failed };
}

/** "✔ tests/engine/check.test.ts: 9 tests pass" or the first failure. */
export function engineLine(file: EngineFileResult): string {
  const { passed, failed } = engineCounts(file);
  if (file.problem) return `${mark(false)} ${file.file}: did not run (${file.problem.kind}: ${file.problem.message})`;
  if (!failed) return `${mark(true)} ${file.file}: ${passed} test${passed === 1 ? '' : 's'} pass`;
  const first = file.tests.find((test) => test.state === 'failed');
  const said = first?.failure?.note ?? first?.failure?.message.split('\n')[0] ?? '';
  return `${mark(false)} ${file.file}: ${failed} of ${passed + failed} fail; first "${[...(first?.path ?? []), first?.title].join(' › ')}": ${said}`;
}
