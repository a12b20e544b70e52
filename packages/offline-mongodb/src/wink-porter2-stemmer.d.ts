// Types for wink-porter2-stemmer, which ships none: one function from a word to its stem.
declare module 'wink-porter2-stemmer' {
  const stem: (word: string) => string;
  export default stem;
}
