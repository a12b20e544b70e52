// Every sentence a check says to a learner, in English and in Hinglish: its `it` title, its
// messages, its skip notes. The verdict shows the learner's language (src/check/two-languages.ts).
import { bothLanguages } from '../../src/check/two-languages.ts';

/**
 * One sentence in both languages. Hinglish as an Indian developer speaks it: polite ("aap …
 * kijiye"), technical words (promise, upload, route, schema, `code`) kept English.
 */
export function said(english: string, hinglish: string): string {
  return bothLanguages(english, hinglish);
}
