// "Run the lesson's app" from the menu or the command line: src/apps/run-lesson-app.ts in a
// child process of its own, so a learner's endless loop or open handle cannot freeze the runner.
import { fileURLToPath } from 'node:url';
import type { LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';
import { runInChildGroup, type ChildRunEnd } from './child-group.ts';

const entry = fileURLToPath(new URL('../apps/run-lesson-app.ts', import.meta.url));

/** Runs the lesson's app until the learner stops it (Enter, q or Ctrl-C) or it fails to start. */
export function runAppInChild(
  lesson: LessonEntry,
  options: { target?: ExerciseTarget; port?: number } = {},
): Promise<ChildRunEnd> {
  const args = [lesson.number];
  if (options.target) args.push('--target', options.target);
  if (options.port !== undefined) args.push('--port', String(options.port));
  return runInChildGroup(entry, args, { enterStops: true });
}
