// A list to pick from (clack's select) that speaks the learner's language all the way down:
// clack writes its key help in English below the list, so in Hinglish that help goes under the
// question instead, in Hinglish.
import { select, type SelectOptions } from '@clack/prompts';
import type { Language } from '../progress/progress-store.ts';
import { menuWords } from './menu-words.ts';
import { paint } from './terminal.ts';

/** Asks `options.message` with clack's select, its key help in `language`; cancel as clack gives it. */
export function choose<Value>(language: Language, options: SelectOptions<Value>): Promise<Value | symbol> {
  if (language === 'en') return select(options);
  return select({
    ...options,
    message: `${options.message}\n${paint('dim', menuWords(language).navigation)}`,
    showInstructions: false,
  });
}
