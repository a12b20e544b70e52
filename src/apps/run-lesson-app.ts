// The runner's child process for "run the lesson's app": `tsx src/apps/run-lesson-app.ts 02 [--target solution]`.
// Running the app in its own process keeps the menu alive whatever the learner's code does.
// This is also the way to run a lesson's app without the runner: lessons/<slug>/app.ts only
// exports createApp() and tryIt(), and never starts itself.
import { parseArgs } from 'node:util';
import { serveLessonApp } from './serve-lesson-app.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';

const usage =
  'Usage: tsx src/apps/run-lesson-app.ts <lesson> [--target playground|solution|starter|mistake:<folder>] [--port N]';

/** The command line, or the usage and exit code 2 when it is not one. */
function readArguments() {
  try {
    return parseArgs({ allowPositionals: true, options: { target: { type: 'string' }, port: { type: 'string' } } });
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    process.exit(2);
  }
}

const { positionals, values } = readArguments();
if (!positionals[0]) {
  console.error(usage);
  process.exit(2);
}
await serveLessonApp(positionals[0], {
  target: values.target as ExerciseTarget | undefined,
  port: values.port === undefined ? undefined : Number(values.port),
});
