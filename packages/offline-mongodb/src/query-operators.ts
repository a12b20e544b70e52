// Comparison and $type query operators that follow MongoDB's BSON order, registered
// into mingo in place of its own (which compare Decimal128/Long as strings and do not
// know bson type names like "objectId"). Every other operator is mingo's.
import { resolve } from 'mingo/util';
import { Query } from 'mingo/query';
import type { Options } from 'mingo/types';
import { bsonTypeName } from './bson-type-name.ts';
import { compareBson, equalsBson, toNumber, typeRank, type StringOrder } from './bson-order.ts';
import { isPlainObject } from './document-paths.ts';
import { compileJsonSchema } from './json-schema.ts';
import { geoQueryOperators } from './geo-query.ts';
import { collationOrder } from './collation.ts';
import { badValue } from './errors.ts';

/** A query operator as mingo calls it: compiled once per query, then tested per document. */
type QueryOperator = (selector: string, value: unknown, options?: unknown) => (doc: unknown) => boolean;

/** The field's value at `selector` (stepping through arrays like mingo's resolve does). */
function fieldValue(doc: unknown, selector: string): unknown {
  // Plain field names are the common case; skip mingo's path walker for them.
  if (!selector.includes('.')) return (doc as Record<string, unknown> | null)?.[selector];
  return resolve(doc as Record<string, unknown>, selector, { unwrapArray: true });
}

/** True when `test` accepts the field's value or, for arrays, one of its elements. */
function someCandidate(doc: unknown, selector: string, test: (value: unknown) => boolean): boolean {
  const value = fieldValue(doc, selector);
  if (test(value)) return true;
  if (!Array.isArray(value)) return false;
  const dotted = selector.includes('.');
  for (const element of value) {
    if (test(element)) return true;
    if (dotted && Array.isArray(element) && element.some(test)) return true;
  }
  return false;
}

/** The collation's string order, from the options mingo hands every operator. */
function stringsOf(options: unknown): StringOrder | undefined {
  return collationOrder((options as { collation?: unknown } | undefined)?.collation);
}

function equalTo(wanted: unknown, strings?: StringOrder): (value: unknown) => boolean {
  if (strings) return (value) => equalsBson(value, wanted, strings);
  // Fast paths for the everyday primitives; everything else uses the full BSON order.
  if (typeof wanted === 'string') return (value) => value === wanted;
  if (typeof wanted === 'boolean') return (value) => value === wanted;
  if (typeof wanted === 'number' && !Number.isNaN(wanted)) {
    return (value) => value === wanted || (typeof value === 'object' && value !== null && equalsBson(value, wanted));
  }
  return (value) => equalsBson(value, wanted);
}

function rangeOperator(accept: (order: number) => boolean): QueryOperator {
  return (selector, wanted, options) => {
    const rank = typeRank(wanted);
    const strings = stringsOf(options);
    // Type bracketing: $gt: 5 never matches a string, like mongod.
    const test = (value: unknown) => typeRank(value) === rank && accept(compareBson(value, wanted, strings));
    return (doc) => someCandidate(doc, selector, test);
  };
}

function inList(list: unknown, strings?: StringOrder): (value: unknown) => boolean {
  if (!Array.isArray(list)) throw badValue('$in needs an array');
  const tests = list.map((item) =>
    item instanceof RegExp ? (value: unknown) => typeof value === 'string' && item.test(value) : equalTo(item, strings),
  );
  return (value) => tests.some((test) => test(value));
}

const TYPE_CODES: Record<string, string> = {
  1: 'double',
  2: 'string',
  3: 'object',
  4: 'array',
  5: 'binData',
  7: 'objectId',
  8: 'bool',
  9: 'date',
  10: 'null',
  11: 'regex',
  16: 'int',
  17: 'timestamp',
  18: 'long',
  19: 'decimal',
  [-1]: 'minKey',
  127: 'maxKey',
};

function typeMatches(value: unknown, wanted: unknown): boolean {
  const name = typeof wanted === 'number' ? TYPE_CODES[wanted] : String(wanted);
  if (name === undefined) throw badValue(`Invalid numerical type code: ${String(wanted)}`);
  const actual = bsonTypeName(value);
  if (name === 'number') return ['int', 'double', 'long', 'decimal'].includes(actual);
  return actual === name;
}

const $type: QueryOperator = (selector, wanted) => (doc) => {
  const value = resolve(doc as Record<string, unknown>, selector, { unwrapArray: true });
  const list = Array.isArray(wanted) ? wanted : [wanted];
  const values = Array.isArray(value) ? [value, ...value] : [value];
  return values.some((v) => v !== undefined && list.some((w) => typeMatches(v, w)));
};

// $all is an $and of equalities, so { tags: { $all: ["x"] } } matches tags: "x" as mongod does
// (mingo's only looks inside arrays). { $elemMatch } items are left to a query of their own.
const $all: QueryOperator = (selector, list, options) => {
  if (!Array.isArray(list)) throw badValue('$all needs an array');
  if (list.length === 0) return () => false;
  const strings = stringsOf(options);
  const tests = list.map((item): ((doc: unknown) => boolean) => {
    if (isPlainObject(item) && '$elemMatch' in item) {
      const query = new Query({ [selector]: item }, options as Partial<Options>);
      return (doc) => query.test(doc as Record<string, unknown>);
    }
    const test =
      item instanceof RegExp
        ? (value: unknown) => typeof value === 'string' && item.test(value)
        : equalTo(item, strings);
    return (doc) => someCandidate(doc, selector, test);
  });
  return (doc) => tests.every((test) => test(doc));
};

// Knows bson Double and Long values, which mingo's $mod does not.
const $mod: QueryOperator = (selector, spec) => {
  if (!Array.isArray(spec)) throw badValue('malformed mod, needs to be an array');
  if (spec.length < 2) throw badValue('malformed mod, not enough elements');
  if (spec.length > 2) throw badValue('malformed mod, too many elements');
  const [divisor, remainder] = spec.map(toNumber);
  if (Number.isNaN(divisor)) throw badValue('malformed mod, divisor not a number');
  if (Number.isNaN(remainder)) throw badValue('malformed mod, remainder not a number');
  if (Math.trunc(divisor) === 0) throw badValue('divisor cannot be 0');
  const test = (value: unknown) => {
    if (typeRank(value) !== 3) return false;
    const number = toNumber(value);
    return Number.isFinite(number) && Math.trunc(number) % Math.trunc(divisor) === Math.trunc(remainder);
  };
  return (doc) => someCandidate(doc, selector, test);
};

// mingo's $jsonSchema needs a validator plugged in; the stand-in's follows mongod's dialect.
const $jsonSchema: QueryOperator = (_, schema) => {
  const check = compileJsonSchema(schema);
  return (doc) => check(doc).length === 0;
};

/** The operators the stand-in registers ahead of mingo's defaults. */
export const bsonQueryOperators: Record<string, QueryOperator> = {
  $eq: (selector, wanted, options) => {
    const test = equalTo(wanted, stringsOf(options));
    return (doc) => someCandidate(doc, selector, test);
  },
  $ne: (selector, wanted, options) => {
    const test = equalTo(wanted, stringsOf(options));
    return (doc) => !someCandidate(doc, selector, test);
  },
  $gt: rangeOperator((order) => order > 0),
  $gte: rangeOperator((order) => order >= 0),
  $lt: rangeOperator((order) => order < 0),
  $lte: rangeOperator((order) => order <= 0),
  $in: (selector, list, options) => {
    const test = inList(list, stringsOf(options));
    return (doc) => someCandidate(doc, selector, test);
  },
  $nin: (selector, list, options) => {
    const test = inList(list, stringsOf(options));
    return (doc) => !someCandidate(doc, selector, test);
  },
  $type,
  $all,
  $mod,
  $jsonSchema,
  ...geoQueryOperators,
};
