// $text search over a collection's text index, as mongod does it: any of the words,
// every "quoted phrase", none of the -negated ones, each match scored with mongod's
// formula (term frequency, field length and weights) for { $meta: "textScore" }.
import { isPlainObject, valuesAtPath, type Doc } from './document-paths.ts';
import { badValue, CommandError } from './errors.ts';
import type { IndexedDocuments, IndexSpec } from './index-store.ts';
import { fold, terms } from './text-tokens.ts';
import { setTextScore } from './text-score.ts';
import type { TimeLimit } from './time-limit.ts';

const LANGUAGES = new Set(['english', 'en', 'none']);

/** The collection's text index, if it has one. */
export function textIndexOf(collection: IndexedDocuments | undefined): IndexSpec | undefined {
  return collection?.indexSpecs().find((spec) => spec.key._fts === 'text');
}

/** A requested text index in the form mongod stores and lists it: { _fts: "text", _ftsx: 1 } plus weights. */
export function normaliseTextIndex(spec: IndexSpec): IndexSpec {
  const textFields = Object.keys(spec.key).filter((field) => spec.key[field] === 'text');
  if (textFields.length === 0 || spec.key._fts !== undefined) return spec;
  const language = String(spec.default_language ?? 'english');
  if (!LANGUAGES.has(language)) throw unsupportedLanguage(language);
  const key: Doc = {};
  for (const [field, direction] of Object.entries(spec.key)) {
    if (direction !== 'text') key[field] = direction;
    else if (!('_fts' in key)) Object.assign(key, { _fts: 'text', _ftsx: 1 });
  }
  const weights = { ...Object.fromEntries(textFields.map((field) => [field, 1])), ...(spec.weights as Doc) };
  return {
    ...spec,
    key,
    weights,
    default_language: language,
    language_override: spec.language_override ?? 'language',
    textIndexVersion: 3,
  };
}

function unsupportedLanguage(language: string): CommandError {
  return badValue(
    `unsupported language: "${language}" (the offline stand-in's text search knows English and "none"; for other languages use a real MongoDB through MONGODB_URI)`,
  );
}

/** A parsed $search string. */
interface Search {
  terms: string[];
  phrases: string[];
  notTerms: string[];
  notPhrases: string[];
}

function parseSearch(text: string, language: string): Search {
  const search: Search = { terms: [], phrases: [], notTerms: [], notPhrases: [] };
  const pattern = /(-?)"([^"]*)"|(-?)([^\s"]+)/g;
  for (const match of text.matchAll(pattern)) {
    if (match[2] !== undefined) {
      if (!match[2].trim()) continue;
      if (match[1]) search.notPhrases.push(match[2]);
      else {
        search.phrases.push(match[2]);
        search.terms.push(...terms(match[2], language));
      }
    } else if (match[3]) search.notTerms.push(...terms(match[4], language));
    else search.terms.push(...terms(match[4], language));
  }
  search.terms = [...new Set(search.terms)];
  return search;
}

/** The weighted strings of a document that its text index covers. */
function indexedStrings(doc: Doc, weights: Doc): [string, number][] {
  const out: [string, number][] = [];
  const wildcard = weights['$**'];
  for (const [field, weight] of Object.entries(weights)) {
    if (field === '$**') continue;
    for (const value of valuesAtPath(doc, field)) if (typeof value === 'string') out.push([value, Number(weight)]);
  }
  if (wildcard !== undefined) collectStrings(doc, Number(wildcard), out, new Set(Object.keys(weights)), '');
  return out;
}

function collectStrings(
  value: unknown,
  weight: number,
  out: [string, number][],
  skip: Set<string>,
  path: string,
): void {
  if (typeof value === 'string') {
    if (!skip.has(path)) out.push([value, weight]);
  } else if (Array.isArray(value)) for (const item of value) collectStrings(item, weight, out, skip, path);
  else if (isPlainObject(value))
    for (const [key, child] of Object.entries(value))
      collectStrings(child, weight, out, skip, path ? `${path}.${key}` : key);
}

// mongod's score of each term in one string: frequency with diminishing returns, scaled by
// how much of the string the term is, a tenth more when the string is exactly the term.
function scoreString(raw: string, weight: number, language: string, scores: Map<string, number>): void {
  const tokens = terms(raw, language);
  const seen = new Map<string, { count: number; freq: number; exp: number }>();
  for (const term of tokens) {
    const data = seen.get(term) ?? { count: 0, freq: 0, exp: 0 };
    data.exp = data.exp ? data.exp * 2 : 1;
    data.count += 1;
    data.freq += 1 / data.exp;
    seen.set(term, data);
  }
  for (const [term, data] of seen) {
    const coeff = (0.5 * data.count) / tokens.length + 0.5;
    const adjustment = raw.length === term.length && raw.toLowerCase() === term ? 1.1 : 1;
    scores.set(term, (scores.get(term) ?? 0) + weight * data.freq * coeff * adjustment);
  }
}

/** Runs a $text query: the matching documents in natural order, each with its score. */
export function runTextSearch(
  collection: IndexedDocuments | undefined,
  spec: unknown,
  time: TimeLimit,
): Map<Doc, number> {
  const index = textIndexOf(collection);
  if (!index) throw new CommandError(27, 'IndexNotFound', 'text index required for $text query');
  if (!isPlainObject(spec) || typeof spec.$search !== 'string') throw badValue('$search needs a String');
  const language = String(spec.$language ?? index.default_language ?? 'english');
  if (!LANGUAGES.has(language)) throw unsupportedLanguage(language);
  const caseSensitive = spec.$caseSensitive === true;
  const search = parseSearch(spec.$search, language);
  const found = new Map<Doc, number>();
  for (const doc of collection!.all()) {
    time.check();
    const strings = indexedStrings(doc, index.weights as Doc);
    const scores = new Map<string, number>();
    for (const [raw, weight] of strings) scoreString(raw, weight, language, scores);
    const score = search.terms.reduce((sum, term) => sum + (scores.get(term) ?? 0), 0);
    if (score === 0 || search.notTerms.some((term) => scores.has(term))) continue;
    const texts = strings.map(([raw]) => (caseSensitive ? raw : fold(raw)));
    const has = (phrase: string) => texts.some((text) => text.includes(caseSensitive ? phrase : fold(phrase)));
    if (!search.phrases.every(has) || search.notPhrases.some(has)) continue;
    found.set(doc, score);
    setTextScore(doc, score);
  }
  return found;
}

/** Splits a filter into its $text clause (top level or in a top-level $and) and the rest. */
export function takeTextClause(filter: Doc | undefined): { text?: unknown; rest?: Doc } {
  if (!filter) return { rest: filter };
  if ('$text' in filter) {
    const { $text, ...rest } = filter;
    return { text: $text, rest };
  }
  if (Array.isArray(filter.$and)) {
    const at = filter.$and.findIndex((part) => isPlainObject(part) && '$text' in part);
    if (at >= 0) {
      const and = [...filter.$and] as Doc[];
      const { $text, ...inner } = and[at];
      and[at] = inner;
      return { text: $text, rest: { ...filter, $and: and } };
    }
  }
  return { rest: filter };
}
