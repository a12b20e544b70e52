// Words as mongod's text search sees them: split at anything that is not a letter or a
// digit, lower-cased, accents dropped, English stop words left out, and stemmed with
// Snowball's English (Porter2) stemmer, the one mongod uses.
import stem from 'wink-porter2-stemmer';

// The English stop words mongod ignores in text indexes and searches.
const STOP_WORDS = new Set(
  `a about above after again against all am an and any are aren't as at be because been before being below between
  both but by can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further
  had hadn't has hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his how how's i
  i'd i'll i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor not of off on once
  only or other ought our ours ourselves out over own same shan't she she'd she'll she's should shouldn't so some such
  than that that's the their theirs them themselves then there there's these they they'd they'll they're they've this
  those through to too under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's
  where where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours
  yourself yourselves`.split(/\s+/),
);

/** Lower-cases and drops accents ("Café" → "cafe"), as a case- and diacritic-insensitive search compares. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The raw words of a text (split at anything not a letter, digit or inner apostrophe). */
function words(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}']+/u)
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter(Boolean);
}

/** The index terms of a text: folded, stop words left out, stemmed ("language: none" skips both). */
export function terms(text: string, language: string): string[] {
  const out: string[] = [];
  for (const word of words(fold(text))) {
    if (language !== 'none' && STOP_WORDS.has(word)) continue;
    out.push(language === 'none' ? word : stem(word));
  }
  return out;
}
