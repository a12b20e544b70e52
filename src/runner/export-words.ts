// What `npm run lesson -- export` (and the menu's "Export your app") says, in the learner's
// language. Hinglish as in lesson-words.ts: Hindi in Latin letters, the technical words in English.
import type { ExportRefusal } from '../export/export-app.ts';
import type { Language } from '../progress/progress-store.ts';

interface ExportWords {
  noLesson: string;
  notPassed: (lessonNumber: string) => string;
  refused: (refusal: ExportRefusal, shown: string) => string;
  /** `what`: the files, a folder counted as one entry ("src/ (6 files)"). */
  wrote: (folder: string, what: string) => string;
  files: (count: number) => string;
  next: string;
  /** Said beside `cp .env.example .env`. */
  fillIn: string;
}

const english: ExportWords = {
  noLesson: 'No lesson here has you write a whole app yet, so there is nothing to export.',
  notPassed: (n) =>
    `Your app has not passed lesson ${n}'s check yet; exporting it anyway (check it with npm run lesson -- check ${n}).`,
  refused: (refusal, shown) => {
    const elsewhere = 'Name a new or empty folder instead: npm run lesson -- export <folder>';
    switch (refusal.kind) {
      case 'not-empty':
        return `Nothing exported: ${shown} already holds files, and the export never writes over anything. ${elsewhere}`;
      case 'not-a-folder':
        return `Nothing exported: ${shown} is a file, not a folder. ${elsewhere}`;
      case 'inside-playground':
        return `Nothing exported: ${shown} is inside the playground, whose own checks and tools would take your app for theirs. Name a folder outside it: npm run lesson -- export <folder>`;
      case 'missing-file':
        return `Nothing exported: ${shown} is missing (or is a folder), and your app needs it. Put it back, then export again.`;
    }
  },
  wrote: (folder, what) => `Wrote your app to ${folder}: ${what}.`,
  files: (count) => `${count} file${count === 1 ? '' : 's'}`,
  next: 'Next:',
  fillIn: 'then fill in .env: README.md says how, for MongoDB Atlas and ImageKit or offline',
};

const hinglish: ExportWords = {
  noLesson: 'Yahan abhi koi lesson poora app nahi likhwata, isliye export karne ko kuch nahi hai.',
  notPassed: (n) =>
    `Aapke app ne lesson ${n} ka check abhi pass nahi kiya; phir bhi export ho raha hai (check kijiye: npm run lesson -- check ${n}).`,
  refused: (refusal, shown) => {
    const elsewhere = 'Koi naya ya khaali folder dijiye: npm run lesson -- export <folder>';
    switch (refusal.kind) {
      case 'not-empty':
        return `Kuch export nahi hua: ${shown} mein pehle se files hain, aur export kabhi kisi cheez ke upar nahi likhta. ${elsewhere}`;
      case 'not-a-folder':
        return `Kuch export nahi hua: ${shown} ek file hai, folder nahi. ${elsewhere}`;
      case 'inside-playground':
        return `Kuch export nahi hua: ${shown} playground ke andar hai, jiske apne checks aur tools aapke app ko apna samjhenge. Playground ke bahar ka folder dijiye: npm run lesson -- export <folder>`;
      case 'missing-file':
        return `Kuch export nahi hua: ${shown} nahi mili (ya folder hai), aur aapke app ko uski zaroorat hai. Use wapas rakhiye, phir dobara export kijiye.`;
    }
  },
  wrote: (folder, what) => `Aapka app ${folder} mein likh diya gaya: ${what}.`,
  files: (count) => `${count} file${count === 1 ? '' : 's'}`,
  next: 'Ab:',
  fillIn: 'phir .env bhariye: README.md batata hai kaise, MongoDB Atlas aur ImageKit ke liye ya offline',
};

/** The export's words in `language`. */
export function exportWords(language: Language): ExportWords {
  return language === 'hinglish' ? hinglish : english;
}
