// A list to pick from (clack's select) that speaks the learner's language all the way down:
// clack's key help below the list is English only, so a Hinglish list turns it off (its
// documented showInstructions) and says its own help under the question instead.
import { select, type SelectOptions } from '@clack/prompts';
import type { Language } from '../progress/progress-store.ts';
import { menuWords } from './menu-words.ts';
import { paint } from '../terminal/terminal.ts';

/** Asks `options.message` with clack's select, its key help in `language`; cancel as clack gives it. */
export function choose<Value>(language: Language, options: SelectOptions<Value>): Promise<Value | symbol> {
  if (language === 'en') return select(options);
  const help = paint('dim', menuWords(language).navigation);
  return select({ ...options, message: `${options.message}\n${help}`, showInstructions: false });
}
