// The plan mongod would show for a filter: IDHACK for an _id equality, an IXSCAN when an
// index's first field is constrained, else a COLLSCAN. explain reports it, with the
// numbers of keys and documents such a plan examines.
import { compareBson, typeRank } from './bson-order.ts';
import type { Collection } from './collection.ts';
import { formatKeyValue } from './duplicate-key.ts';
import { isPlainObject, valuesAtPath, type Doc } from './document-paths.ts';
import type { IndexSpec } from './index-store.ts';
import { compileFilter } from './query-engine.ts';

/** A chosen plan: its stage tree and what running it examines. */
interface QueryPlan {
  stage: Doc;
  keysExamined: number;
  docsExamined: number;
}

const RANGE_OPERATORS = new Set(['$eq', '$gt', '$gte', '$lt', '$lte', '$in']);

/** The conditions a filter puts on each top-level field (including inside $and) that an index can bound. */
function boundedFields(filter: Doc): Map<string, Doc> {
  const fields = new Map<string, Doc>();
  const visit = (part: Doc) => {
    for (const [key, value] of Object.entries(part)) {
      if (key === '$and' && Array.isArray(value)) value.filter(isPlainObject).forEach(visit);
      if (key.startsWith('$')) continue;
      if (value instanceof RegExp) continue;
      const condition =
        isPlainObject(value) && Object.keys(value).some((k) => k.startsWith('$')) ? value : { $eq: value };
      if (Object.keys(condition).every((op) => RANGE_OPERATORS.has(op)))
        fields.set(key, { ...fields.get(key), ...condition });
    }
  };
  visit(filter);
  return fields;
}

/** The plan for `filter` over `collection`. */
export function planQuery(collection: Collection | undefined, filter: Doc = {}): QueryPlan {
  const docs = collection ? [...collection.all()] : [];
  const bounded = boundedFields(filter);
  const residual = Object.keys(filter).length ? { filter } : {};
  const idCondition = bounded.get('_id');
  if (idCondition && Object.keys(idCondition).length === 1 && '$eq' in idCondition) {
    const found = docs.filter((doc) => compareBson(doc._id, idCondition.$eq) === 0).length;
    return { stage: { stage: 'IDHACK' }, keysExamined: found, docsExamined: found };
  }
  const index = collection?.indexSpecs().find((spec) => usable(spec) && bounded.has(Object.keys(spec.key)[0]));
  if (!index) {
    return {
      stage: { stage: 'COLLSCAN', ...residual, direction: 'forward' },
      keysExamined: 0,
      docsExamined: docs.length,
    };
  }
  const field = Object.keys(index.key)[0];
  const condition = bounded.get(field)!;
  const inBounds = compileFilter({ [field]: condition });
  const examined = docs.filter((doc) => inBounds(doc)).length;
  const indexBounds = Object.fromEntries(
    Object.keys(index.key).map((key) => [key, key === field ? boundsOf(condition) : ['[MinKey, MaxKey]']]),
  );
  const scan = {
    stage: 'IXSCAN',
    keyPattern: index.key,
    indexName: index.name,
    isMultiKey: docs.some((doc) => valuesAtPath(doc, field).length > 1),
    isUnique: index.unique === true,
    isSparse: index.sparse === true,
    isPartial: false,
    indexVersion: 2,
    direction: 'forward',
    indexBounds,
  };
  // When the index bounds are the whole filter, mongod's FETCH has nothing left to check.
  const onlyField = Object.keys(filter).length === 1 && field in filter;
  const fetch = { stage: 'FETCH', ...(onlyField ? {} : residual), inputStage: scan };
  return { stage: fetch, keysExamined: examined, docsExamined: examined };
}

function usable(spec: IndexSpec): boolean {
  const first = Object.values(spec.key)[0];
  return !spec.partialFilterExpression && !spec.sparse && typeof first !== 'string';
}

// mongod prints bounds as interval strings: '["Ada", "Ada"]', '(5, inf.0]'.
function boundsOf(condition: Doc): string[] {
  if ('$eq' in condition) return [interval(condition.$eq, condition.$eq, true, true)];
  if (Array.isArray(condition.$in))
    return [...condition.$in].sort((a, b) => compareBson(a, b)).map((value) => interval(value, value, true, true));
  const low = condition.$gt ?? condition.$gte;
  const high = condition.$lt ?? condition.$lte;
  const numeric = typeRank(low ?? high) === 3;
  return [
    interval(
      low ?? (numeric ? -Infinity : undefined),
      high ?? (numeric ? Infinity : undefined),
      !('$gt' in condition),
      !('$lt' in condition),
    ),
  ];
}

function interval(low: unknown, high: unknown, closedLow: boolean, closedHigh: boolean): string {
  const show = (value: unknown, fallback: string) =>
    value === undefined
      ? fallback
      : value === Infinity
        ? 'inf.0'
        : value === -Infinity
          ? '-inf.0'
          : formatKeyValue(value);
  return `${closedLow ? '[' : '('}${show(low, 'MinKey')}, ${show(high, 'MaxKey')}${closedHigh ? ']' : ')'}`;
}
