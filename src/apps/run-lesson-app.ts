// The runner's child process for "run the lesson's app":
// `tsx src/apps/run-lesson-app.ts 02 [--target solution] [--port N] [--lang hinglish] [--again] [--on-save]`
// (--again: a restart after a save, announced in one line; --on-save: the runner restarts it on a save).
// Running the app in its own process keeps the menu alive whatever the learner's code does.
// This is also the way to run a lesson's app without the runner: lessons/<slug>/app.ts only
// exports createApp() and tryIt(), and never starts itself.
import { parseArgs } from 'node:util';
import { allLessons, findLesson } from '../lessons/catalog.ts';
import { readLessonTarget } from '../lessons/exercise.ts';
import { readPort } from '../processes/port-option.ts';
import { readLanguage, type Language } from '../progress/progress-store.ts';
import { serveLessonApp } from './serve-lesson-app.ts';

const usage = {
  en: 'Usage: tsx src/apps/run-lesson-app.ts <lesson> [--target playground|solution|starter|mistake:<folder>] [--port N] [--lang en|hinglish]',
  hinglish:
    'Aise chalaiye: tsx src/apps/run-lesson-app.ts <lesson> [--target playground|solution|starter|mistake:<folder>] [--port N] [--lang en|hinglish]',
};

/** The language of what is wrong with the command line: English until its --lang is read. */
let saidIn: Language = 'en';

/** Ends the process with `problem`, the usage, and exit code 2: the command line is wrong. */
function wrongCommandLine(problem: string): never {
  console.error(`${problem}\n${usage[saidIn]}`);
  process.exit(2);
}

/** The command line, or the usage and exit code 2 when it is not one. */
function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        port: { type: 'string' },
        lang: { type: 'string', default: 'en' },
        again: { type: 'boolean' },
        'on-save': { type: 'boolean' },
      },
    });
  } catch (error) {
    wrongCommandLine((error as Error).message);
  }
}

const { positionals, values } = readArguments();
const language = readLanguage(values.lang);
if (language.problem !== undefined) wrongCommandLine(language.problem);
saidIn = language.language;
if (!positionals[0]) wrongCommandLine(saidIn === 'hinglish' ? 'Kaun sa lesson?' : 'Which lesson?');
const lesson = findLesson(positionals[0]);
if (!lesson) {
  const numbers = allLessons().map((entry) => entry.number);
  wrongCommandLine(
    saidIn === 'hinglish'
      ? `"${positionals[0]}" naam ka koi lesson nahi hai. Lessons: ${numbers.join(', ')}.`
      : `There is no lesson "${positionals[0]}". Lessons: ${numbers.join(', ')}.`,
  );
}
const target = readLessonTarget(
  lesson,
  values.target ?? process.env.LESSON_TARGET,
  values.target ? '--target' : 'LESSON_TARGET',
  saidIn,
);
if (target.problem !== undefined) wrongCommandLine(target.problem);
const port = values.port === undefined ? undefined : readPort(values.port, saidIn);
if (port?.problem) wrongCommandLine(port.problem);
await serveLessonApp(lesson, {
  target: target.target,
  port: port?.port,
  language: language.language,
  again: values.again,
  onSave: values['on-save'],
});
