// A list to pick from (clack's select) that speaks the learner's language all the way down:
// clack writes its key help below the list from its exported SELECT_INSTRUCTIONS, in English,
// so while a Hinglish list is asked its words stand there instead. The help then sits where the
// English one does, and goes once the list is answered, as clack's own does.
import { SELECT_INSTRUCTIONS, select, type SelectOptions } from '@clack/prompts';
import type { Language } from '../progress/progress-store.ts';
import { menuWords } from './menu-words.ts';

/** Asks `options.message` with clack's select, its key help in `language`; cancel as clack gives it. */
export async function choose<Value>(language: Language, options: SelectOptions<Value>): Promise<Value | symbol> {
  if (language === 'en') return select(options);
  const english = [...SELECT_INSTRUCTIONS];
  SELECT_INSTRUCTIONS.splice(0, english.length, ...menuWords(language).navigation.split(' • '));
  try {
    return await select(options);
  } finally {
    SELECT_INSTRUCTIONS.splice(0, SELECT_INSTRUCTIONS.length, ...english);
  }
}
