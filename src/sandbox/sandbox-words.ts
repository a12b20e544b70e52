// What `npm run sandbox` says around the learner's own code, in the learner's language.
import type { Language } from '../progress/progress-store.ts';

const english = {
  noFile: 'There is no playground/sandbox.ts. Create it with any code you like, then run npm run sandbox again.',
  ready: 'Database and storage are ready; Mongoose is connected. Running playground/sandbox.ts…',
  finished: 'playground/sandbox.ts finished. Stopping the database and the storage.',
  serving: (where: string[]) =>
    `playground/sandbox.ts finished, and the server it started is listening (${where.join(', ')}): ` +
    'it keeps serving until you press Ctrl-C.',
  serversClosed: 'Your server closed. Stopping the database and the storage.',
};

const hinglish: typeof english = {
  noFile:
    'playground/sandbox.ts nahi hai. Use banaiye, usmein jo code chahein likhiye, phir npm run sandbox dobara chalaiye.',
  ready: 'Database aur storage ready hain; Mongoose connected hai. playground/sandbox.ts chal raha hai…',
  finished: 'playground/sandbox.ts khatam. Database aur storage band ho rahe hain.',
  serving: (where: string[]) =>
    `playground/sandbox.ts khatam, aur usne jo server start kiya woh listen kar raha hai (${where.join(', ')}): ` +
    'jab tak aap Ctrl-C nahi dabaate, woh requests ka answer deta rahega.',
  serversClosed: 'Aapka server band ho gaya. Database aur storage band ho rahe hain.',
};

/** The sandbox's words in `language`. */
export function sandboxWords(language: Language): typeof english {
  return language === 'hinglish' ? hinglish : english;
}
