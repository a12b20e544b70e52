// The lesson screen's menu, in the learner's language. Hinglish keeps the technical words
// English, the way developers say them. The lesson texts name these entries ("Run the app",
// "Check my solution"): a label changes only together with the texts that quote it.
import type { Language } from '../progress/progress-store.ts';

interface ActionWords {
  whatNext: string;
  /** "✔ done" beside the lesson's number once its last check passed. */
  done: string;
  next: (number: string, title: string) => string;
  run: string;
  runHint: string;
  edit: string;
  check: string;
  watch: string;
  hint: string;
  hintsShown: (count: number) => string;
  /** The hint entry once every hint was seen: they come round again from the first. */
  hintsAgain: string;
  allHintsSeen: (count: number) => string;
  solution: string;
  reset: string;
  resetHint: string;
  /** Offered once the lesson whose app is exported passes (export-command.ts). */
  export: string;
  exportHint: string;
  read: string;
  switchLanguage: string;
  back: string;
}

const english: ActionWords = {
  whatNext: 'what next?',
  done: '✔ done',
  next: (number, title) => `Go on to lesson ${number}: ${title}`,
  run: 'Run the app',
  runHint: 'see your code answer real requests',
  edit: 'Open the file to edit',
  check: 'Check my solution',
  watch: 'Watch: check again on every save',
  hint: 'Next hint',
  hintsShown: (count) => `${count} shown so far`,
  hintsAgain: 'Hints again, from the first',
  allHintsSeen: (count) => `all ${count} seen`,
  solution: 'Compare with the solution',
  reset: 'Reset the exercise',
  resetHint: 'back to the starter',
  export: 'Export your app',
  exportHint: 'a project of its own, for MongoDB Atlas and ImageKit',
  read: 'Read the lesson again',
  switchLanguage: 'Switch to Hinglish',
  back: 'Back to the lessons',
};

const hinglish: ActionWords = {
  whatNext: 'ab kya karein?',
  done: '✔ ho gaya',
  next: (number, title) => `Aage badhiye: lesson ${number}, ${title}`,
  // The Hinglish lesson texts quote the English names too: both are on the entry.
  run: 'App chalaiye (Run the app)',
  runHint: 'dekhiye aapka code real requests ka answer kaise deta hai',
  edit: 'Edit karne ke liye file kholiye',
  check: 'Solution check kijiye (Check my solution)',
  watch: 'Watch: har save pe apne aap dobara check',
  hint: 'Agla hint',
  hintsShown: (count) => `ab tak ${count} dekh liye`,
  hintsAgain: 'Hints phir se, pehle wale se',
  allHintsSeen: (count) => `saare ${count} dekh liye`,
  solution: 'Solution se compare kijiye',
  reset: 'Exercise reset kijiye',
  resetHint: 'wapas starter pe',
  export: 'App export kijiye (Export your app)',
  exportHint: 'apna alag project, MongoDB Atlas aur ImageKit ke liye',
  read: 'Lesson phir se padhiye',
  switchLanguage: 'Switch to English',
  back: 'Lessons pe wapas',
};

/** The lesson screen's words in `language`. */
export function actionWords(language: Language): ActionWords {
  return language === 'hinglish' ? hinglish : english;
}
