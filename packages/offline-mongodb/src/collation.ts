// Collations: language-aware string comparison (e.g. strength 2 = case-insensitive),
// applied by the stand-in's query operators, sorts and distinct.
import { isPlainObject } from './document-paths.ts';
import type { StringOrder } from './bson-order.ts';

const SENSITIVITY: Record<number, Intl.CollatorOptions['sensitivity']> = { 1: 'base', 2: 'accent', 3: 'variant' };

/** The collation with its locale in the form JavaScript's Intl expects ("en_US" → "en-US"). */
export function normaliseCollation(collation: unknown): Record<string, unknown> | undefined {
  if (!isPlainObject(collation) || typeof collation.locale !== 'string' || collation.locale === 'simple')
    return undefined;
  return { ...collation, locale: collation.locale.replace(/_/g, '-') };
}

/** The string order for a command's `collation` option, or undefined for plain binary order. */
export function collationOrder(input: unknown): StringOrder | undefined {
  const collation = normaliseCollation(input);
  if (!collation) return undefined;
  const strength = Number(collation.strength ?? 3);
  const collator = new Intl.Collator(collation.locale as string, {
    sensitivity: SENSITIVITY[strength] ?? 'variant',
    numeric: collation.numericOrdering === true,
    caseFirst: collation.caseFirst === 'upper' || collation.caseFirst === 'lower' ? collation.caseFirst : undefined,
  });
  return (a, b) => collator.compare(a, b);
}
