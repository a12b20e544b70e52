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
};

/** The list's and the screens' words in `language`. */
export function menuWords(language: Language): MenuWords {
  return language === 'hinglish' ? hinglish : english;
}
