// Every sentence a check says to a learner, in English and in Hinglish: its `it` title, its
// messages, its skip notes. The verdict shows the learner's language (src/check/two-languages.ts).
import { bothLanguages } from '../../src/check/two-languages.ts';

/**
 * One sentence in both languages. Hinglish as an Indian developer speaks it: polite ("aap …
 * kijiye"), technical words (promise, upload, route, schema, `code`) kept English.
 */
export function said(english: string, hinglish: string): string {
  if (!hinglish.trim())
    throw new Error(`"${english}" has no Hinglish: write it, or use inBoth() for words the same in both`);
  return bothLanguages(english, hinglish);
}

/** Words that read the same in both languages: a route, a function's name. */
export function inBoth(words: string): string {
  return bothLanguages(words, '');
}

/** A part of a sentence, in both languages, for sentences built from parts (a request's name, a reason). */
export interface Twice {
  english: string;
  hinglish: string;
}

/** A part that reads the same in both languages: `GET /api/songs`. */
export const named = (words: string): Twice => ({ english: words, hinglish: words });
