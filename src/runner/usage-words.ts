// What `npm run lesson` says about a wrong command line, in the learner's language.
import type { Language } from '../progress/progress-store.ts';

interface UsageWords {
  whichLesson: (command: string, example: string) => string;
  noSuchLesson: (name: string) => string;
  unknownCommand: (name: string) => string;
  unknownOption: (option: string) => string;
  runOnly: (option: string, example: string) => string;
  oneFolder: string;
  lessons: string;
  commands: (names: string) => string;
}

const english: UsageWords = {
  whichLesson: (command, example) => `Which lesson? Add its number, like: npm run lesson -- ${command} ${example}`,
  noSuchLesson: (name) => `There is no lesson "${name}".`,
  unknownCommand: (name) => `Unknown command "${name}".`,
  unknownOption: (option) => `Unknown option ${option}.`,
  runOnly: (option, example) => `--${option} is for run only, like: npm run lesson -- run 2 --${example}`,
  oneFolder: 'export takes one folder, like: npm run lesson -- export ../songs-app',
  lessons: 'Lessons:',
  commands: (names) => `Commands: ${names}. See npm run lesson -- --help`,
};

const hinglish: UsageWords = {
  whichLesson: (command, example) =>
    `Kaunsa lesson? Uska number saath likhiye, jaise: npm run lesson -- ${command} ${example}`,
  noSuchLesson: (name) => `"${name}" naam ka koi lesson nahi hai.`,
  unknownCommand: (name) => `"${name}" koi command nahi hai.`,
  unknownOption: (option) => `${option} koi option nahi hai.`,
  runOnly: (option, example) => `--${option} sirf run ke saath chalta hai, jaise: npm run lesson -- run 2 --${example}`,
  oneFolder: 'export ek hi folder leta hai, jaise: npm run lesson -- export ../songs-app',
  lessons: 'Lessons:',
  commands: (names) => `Commands: ${names}. Poori jaankari: npm run lesson -- --help`,
};

/** The command line's words in `language`. */
export function usageWords(language: Language): UsageWords {
  return language === 'hinglish' ? hinglish : english;
}
