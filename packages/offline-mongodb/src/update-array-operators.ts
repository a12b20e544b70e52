// The update operators for arrays: $push (with $each, $position, $sort, $slice),
// $addToSet, $pop, $pull and $pullAll, with mongod's errors for non-arrays.
import { compareBson, keyString, toNumber } from './bson-order.ts';
import { formatKeyValue } from './duplicate-key.ts';
import { cloneDocument, isPlainObject, type Doc } from './document-paths.ts';
import { badValue, CommandError } from './errors.ts';
import { compileFilter, sortDocuments } from './query-engine.ts';
import { bsonTypeName } from './bson-type-name.ts';
import type { TimeLimit } from './time-limit.ts';
import type { UpdateOperator } from './update-field-operators.ts';
import { slotForWrite, slotIfPresent, writeSlot } from './update-slots.ts';

const PUSH_CLAUSES = new Set(['$each', '$position', '$slice', '$sort']);

// Query operators that apply to a value itself: a $pull condition starting with one tests each element.
const VALUE_OPERATORS = new Set([
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
  '$all',
  '$elemMatch',
  '$mod',
  '$regex',
  '$options',
  '$not',
  '$bitsAllSet',
  '$bitsAllClear',
  '$bitsAnySet',
  '$bitsAnyClear',
]); // prettier-ignore

const $push: UpdateOperator = ({ doc, parts, argument, time }) => {
  const slot = slotForWrite(doc, parts);
  if (slot.exists && !Array.isArray(slot.value))
    throw badValue(
      `The field '${parts.join('.')}' must be an array but is of type ${bsonTypeName(slot.value)} in document {_id: ${formatKeyValue(doc._id)}}`,
    );
  const spec = isPlainObject(argument) && '$each' in argument ? argument : { $each: [argument] };
  for (const clause of Object.keys(spec))
    if (!PUSH_CLAUSES.has(clause)) throw badValue(`Unrecognized clause in $push: ${clause}`);
  if (!Array.isArray(spec.$each))
    throw badValue(`The argument to $each in $push must be an array but it was of type: ${bsonTypeName(spec.$each)}`);
  let list = slot.exists ? [...(slot.value as unknown[])] : [];
  const items = spec.$each.map(cloneDocument);
  const position = spec.$position === undefined ? list.length : Math.trunc(toNumber(spec.$position));
  const at = position < 0 ? Math.max(0, list.length + position) : Math.min(position, list.length);
  list.splice(at, 0, ...items);
  if (spec.$sort !== undefined) list = sortArray(list, spec.$sort, time);
  if (spec.$slice !== undefined) {
    const keep = Math.trunc(toNumber(spec.$slice));
    list = keep >= 0 ? list.slice(0, keep) : list.slice(keep);
  }
  writeSlot(slot, list);
};

function sortArray(list: unknown[], order: unknown, time: TimeLimit): unknown[] {
  if (isPlainObject(order)) {
    // Elements that are not documents sort as documents without the fields.
    const holders = list.map((value) => (isPlainObject(value) ? value : {}));
    const values = new Map(holders.map((holder, i) => [holder, list[i]]));
    return sortDocuments(holders, order, time).map((holder) => values.get(holder));
  }
  const direction = toNumber(order);
  if (direction !== 1 && direction !== -1)
    throw badValue(`The $sort is invalid: use 1/-1 to sort the whole element, or {field:1/-1} to sort embedded fields`);
  return [...list].sort((a, b) => direction * compareBson(a, b));
}

const $addToSet: UpdateOperator = ({ doc, parts, argument }) => {
  const slot = slotForWrite(doc, parts);
  if (slot.exists && !Array.isArray(slot.value))
    throw badValue(
      `Cannot apply $addToSet to non-array field. Field named '${slot.key}' has non-array type ${bsonTypeName(slot.value)}`,
    );
  const each = isPlainObject(argument) && '$each' in argument ? argument.$each : [argument];
  if (!Array.isArray(each))
    throw badValue(`The argument to $each in $addToSet must be an array but it was of type ${bsonTypeName(each)}`);
  const list = slot.exists ? [...(slot.value as unknown[])] : [];
  const seen = new Set(list.map(keyString));
  for (const item of each) {
    const key = keyString(item);
    if (seen.has(key)) continue;
    seen.add(key);
    list.push(cloneDocument(item));
  }
  writeSlot(slot, list);
};

const $pop: UpdateOperator = ({ doc, parts, argument }) => {
  const end = toNumber(argument);
  if (end !== 1 && end !== -1) throw badValue(`$pop expects 1 or -1, found: ${formatKeyValue(argument)}`);
  const slot = slotIfPresent(doc, parts, true);
  if (!slot) return;
  if (!Array.isArray(slot.value))
    throw new CommandError(
      14,
      'TypeMismatch',
      `Path '${parts.join('.')}' contains an element of non-array type '${bsonTypeName(slot.value)}'`,
    );
  writeSlot(slot, end === 1 ? slot.value.slice(0, -1) : slot.value.slice(1));
};

// Compiled once per update, not once per document it changes.
const pullMatchers = new WeakMap<Doc, (element: unknown) => boolean>();

/** mongod's three ways a $pull argument matches elements. */
function pullMatcher(condition: unknown): (element: unknown) => boolean {
  if (isPlainObject(condition)) {
    let matcher = pullMatchers.get(condition);
    if (!matcher) pullMatchers.set(condition, (matcher = documentMatcher(condition)));
    return matcher;
  }
  const wanted = keyString(condition);
  return (element) => keyString(element) === wanted;
}

function documentMatcher(condition: Doc): (element: unknown) => boolean {
  const first = Object.keys(condition)[0];
  if (first !== undefined && VALUE_OPERATORS.has(first)) {
    const test = compileFilter({ v: condition });
    return (element) => test({ v: element });
  }
  // A document condition is a query on each element that is itself a document.
  const test = compileFilter(condition);
  return (element) => isPlainObject(element) && test(element);
}

function cull(name: string, matches: (element: unknown) => boolean): UpdateOperator {
  return ({ doc, parts }) => {
    const slot = slotIfPresent(doc, parts, true);
    if (!slot) return;
    if (!Array.isArray(slot.value)) throw badValue(`Cannot apply ${name} to a non-array value`);
    writeSlot(
      slot,
      slot.value.filter((element) => !matches(element)),
    );
  };
}

const $pull: UpdateOperator = (call) => cull('$pull', pullMatcher(call.argument))(call);

const $pullAll: UpdateOperator = (call) => {
  if (!Array.isArray(call.argument))
    throw badValue(`$pullAll requires an array argument but was given a ${bsonTypeName(call.argument)}`);
  const unwanted = new Set(call.argument.map(keyString));
  cull('$pull', (element) => unwanted.has(keyString(element)))(call);
};

/** The array operators, by name. */
export const arrayOperators: Record<string, UpdateOperator> = { $push, $addToSet, $pop, $pull, $pullAll };
