// The lesson screen's menu, in the learner's language. Hinglish keeps the technical words
// English, the way developers say them.
import type { Language } from '../progress/progress-store.ts';

export interface ActionWords {
  whatNext: string;
  run: string;
  runHint: string;
  edit: string;
  check: string;
  watch: string;
  hint: string;
  hintsShown: (count: number) => string;
  solution: string;
  reset: string;
  resetHint: string;
  read: string;
  switchLanguage: string;
  back: string;
}

const english: ActionWords = {
  whatNext: 'what next?',
  run: "Run the lesson's app",
  runHint: 'see your code answer real requests',
  edit: 'Open the file to edit',
  check: 'Check my solution',
  watch: 'Watch: check again on every save',
  hint: 'Next hint',
  hintsShown: (count) => `${count} shown so far`,
  solution: 'Compare with the solution',
  reset: 'Reset the exercise',
  resetHint: 'back to the starter',
  read: 'Read the lesson again',
  switchLanguage: 'Switch to Hinglish',
  back: 'Back to the lessons',
};

const hinglish: ActionWords = {
  whatNext: 'ab kya karein?',
  run: 'Lesson ka app chalao',
  runHint: 'dekho aapka code real requests ka answer kaise deta hai',
  edit: 'Edit karne ke liye file kholo',
  check: 'Mera solution check karo',
  watch: 'Watch: har save pe dobara check karo',
  hint: 'Agla hint',
  hintsShown: (count) => `ab tak ${count} dekhe`,
  solution: 'Solution se compare karo',
  reset: 'Exercise reset karo',
  resetHint: 'wapas starter pe',
  read: 'Lesson phir se padho',
  switchLanguage: 'Switch to English',
  back: 'Lessons pe wapas',
};

/** The lesson screen's words in `language`. */
export function actionWords(language: Language): ActionWords {
  return language === 'hinglish' ? hinglish : english;
}
