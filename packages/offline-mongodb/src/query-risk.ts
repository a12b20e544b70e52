// Which requests need the watchdog (watchdog.ts). Plain filters and updates cost little
// per document and are checked between documents; anything that can spend unbounded time
// inside one document (a regular expression, $where, $expr, a pipeline...) is not plain.
import { isPlainObject } from './document-paths.ts';

// Operators the stand-in evaluates itself, each linear in the size of a document.
const PLAIN_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$in',
  '$nin',
  '$exists',
  '$type',
  '$size',
  '$mod',
  '$all',
  '$elemMatch',
  '$not',
  '$and',
  '$or',
  '$nor',
  '$set',
  '$unset',
  '$inc',
  '$mul',
  '$min',
  '$max',
  '$currentDate',
  '$rename',
  '$setOnInsert',
  '$push',
  '$addToSet',
  '$each',
  '$slice',
  '$sort',
  '$position',
  '$pop',
  '$pull',
  '$pullAll',
  '$bit',
]); // prettier-ignore

// Past this depth a filter is not worth walking: let the watchdog bound it.
const MAX_PLAIN_DEPTH = 32;

/** True when every part of these filters, updates or projections is plain. */
export function isPlain(...parts: unknown[]): boolean {
  return parts.every((part) => plainValue(part, 0));
}

function plainValue(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true;
  if (depth > MAX_PLAIN_DEPTH || value instanceof RegExp) return false;
  if ((value as { _bsontype?: string })._bsontype === 'BSONRegExp') return false;
  if (Array.isArray(value)) return value.every((item) => plainValue(item, depth + 1));
  if (!isPlainObject(value)) return true;
  for (const key of Object.keys(value)) {
    if (key.charCodeAt(0) === 36 && !PLAIN_OPERATORS.has(key)) return false;
    if (!plainValue(value[key], depth + 1)) return false;
  }
  return true;
}
