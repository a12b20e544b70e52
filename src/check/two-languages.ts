// A check's own sentences (an `it` title, an expect message, a skip note) carry English and
// Hinglish together, "English ⟦Hinglish⟧", joined by tests/support/said.ts: a developer running
// vitest reads English first, and whatever vitest adds around it ("…: expected 1 to be 2")
// stays outside the brackets. Words the same in both (a route, a function's name) carry an
// empty pair, "POST /api/songs ⟦⟧". The verdict keeps only the learner's language.
import type { VerdictLanguage } from './explain-words.ts';

const open = ' ⟦';
const close = '⟧';
/** A pair: its English runs from the text's start (or the previous pair's end) to the bracket. */
const pair = /([^⟦⟧]*?) ⟦([^⟦⟧]*)⟧/g;

/** One sentence in both languages, as a check writes it. */
export function bothLanguages(english: string, hinglish: string): string {
  // A pair inside a pair could not be split back: each sentence is made from plain words.
  if (`${english}${hinglish}`.includes(open.trim()) || `${english}${hinglish}`.includes(close))
    throw new Error(`A sentence in two languages holds another one: "${english}" / "${hinglish}"`);
  return `${english}${open}${hinglish}${close}`;
}

/**
 * A starter's own message, thrown from the learner's file, carries its Hinglish as
 * "… (Hinglish: …)": readable in the file itself, where brackets would not be. English
 * verdicts leave it out; Hinglish ones keep both, since nothing marks where its English begins.
 */
const starterHinglish = / \(Hinglish: (?:[^()]|\([^()]*\))*\)/g;

/** The text in one language: each pair in it gives its half, the rest stays as it is. */
export function inLanguage(text: string, language: VerdictLanguage): string {
  const paired = text.replace(pair, (_, english: string, hinglish: string) =>
    language === 'hinglish' && hinglish ? hinglish : english,
  );
  return language === 'hinglish' ? paired : paired.replace(starterHinglish, '');
}

/** Whether the text carries a Hinglish half (or words the same in both): the proof asks it of every sentence a check says. */
export function hasHinglish(text: string): boolean {
  return new RegExp(pair.source).test(text);
}
