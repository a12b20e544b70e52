// The runner's child process for "run the lesson's app": `tsx src/apps/run-lesson-app.ts 02 [--target solution]`.
// Running the app in its own process keeps the menu alive whatever the learner's code does.
import { serveLessonApp } from './serve-lesson-app.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';

const [name, ...rest] = process.argv.slice(2);
const targetIndex = rest.indexOf('--target');
const portIndex = rest.indexOf('--port');
if (!name) {
  console.error(
    'Usage: tsx src/apps/run-lesson-app.ts <lesson> [--target playground|solution|starter|mistake:<folder>] [--port N]',
  );
  process.exit(2);
}
await serveLessonApp(name, {
  target: targetIndex >= 0 ? (rest[targetIndex + 1] as ExerciseTarget) : undefined,
  port: portIndex >= 0 ? Number(rest[portIndex + 1]) : undefined,
});
