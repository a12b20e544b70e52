// The words of the lesson list and of moving around the screens (the list, the paged lesson
// text, the yes/no questions), in the learner's language.
import type { Language } from '../progress/progress-store.ts';

interface MenuWords {
  whichLesson: (done: number, total: number) => string;
  done: string;
  continueHere: string;
  quit: string;
  goodbye: string;
  /** The keys of a list, said below it (English) or under its question (Hinglish: clack's own are English). */
  navigation: string;
  yes: string;
  no: string;
  legend: (done: number, total: number) => string;
  /** The pager's prompt: lines `from`-`to` of `total` shown so far. */
  more: (to: number, total: number, then: 'menu' | 'end') => string;
  /** `npm start` with no terminal to answer in: the lessons, then commands to use instead. */
  noTerminal: {
    heading: string;
    why: string;
    instead: string;
    commands: (n: string) => [command: string, what: string][];
  };
}

const english: MenuWords = {
  whichLesson: (done, total) => `Which lesson? (${done} of ${total} done)`,
  done: 'done',
  continueHere: 'continue here',
  quit: 'Quit',
  goodbye: 'See you soon! Your progress is saved.',
  navigation: '↑/↓ to move • Enter: choose',
  yes: 'Yes',
  no: 'No',
  legend: (done, total) => `${done} of ${total} done   ✔ done  ▶ next  · not started`,
  more: (to, total, then) =>
    `── ${to} of ${total} lines · Space or Enter: more · q: ${then === 'menu' ? 'skip to the menu' : 'stop here'} ──`,
  noTerminal: {
    heading: 'Song backend playground: lessons',
    why: 'There is no terminal to answer questions in here (CI, or input from a pipe), so the menu does not open.',
    instead: 'Use these commands instead:',
    commands: (n) => [
      [`show ${n}`, `read lesson ${n}`],
      [`run ${n}`, 'run its app with your code'],
      [`check ${n}`, 'check your solution (exit code 0 when it passes)'],
      [`hint ${n}`, 'the next hint'],
      [`reset ${n} --yes`, 'put the starter back'],
      ['--help', 'every command'],
    ],
  },
};

const hinglish: MenuWords = {
  whichLesson: (done, total) => `Kaunsa lesson? (${total} mein se ${done} ${done === 1 ? 'ho gaya' : 'ho gaye'})`,
  done: 'ho gaya',
  continueHere: 'yahan se aage',
  quit: 'Band kijiye',
  goodbye: 'Phir milenge! Aapki progress save hai.',
  navigation: '↑/↓ se upar-neeche • Enter se chuniye',
  yes: 'Haan',
  no: 'Nahi',
  legend: (done, total) =>
    `${total} mein se ${done} ${done === 1 ? 'ho gaya' : 'ho gaye'}   ✔ ho gaya  ▶ agla  · shuru nahi hua`,
  more: (to, total, then) =>
    `── ${total} mein se ${to} lines · Space ya Enter: aage padhiye · q: ${then === 'menu' ? 'seedha menu pe' : 'yahin rukiye'} ──`,
  noTerminal: {
    heading: 'Song backend playground: lessons',
    why: 'Yahan sawaalon ka jawab dene ke liye koi terminal nahi hai (CI, ya pipe se aata input), isliye menu nahi khulta.',
    instead: 'Iski jagah yeh commands use kijiye:',
    commands: (n) => [
      [`show ${n}`, `lesson ${n} padhiye`],
      [`run ${n}`, 'aapke code ke saath uska app chalaiye'],
      [`check ${n}`, 'apna solution check kijiye (pass hone par exit code 0)'],
      [`hint ${n}`, 'agla hint'],
      [`reset ${n} --yes`, 'starter wapas laaiye'],
      ['--help', 'saari commands'],
    ],
  },
};

/** The list's and the screens' words in `language`. */
export function menuWords(language: Language): MenuWords {
  return language === 'hinglish' ? hinglish : english;
}
