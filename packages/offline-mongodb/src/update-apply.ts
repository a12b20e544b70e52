// Turning an update (operators, replacement or pipeline) into the new version of a
// document, with mongod's rules: _id never changes, $setOnInsert only on upsert,
// and an upsert starts from the filter's equality fields.
import { ObjectId } from 'bson';
import { keyString } from './bson-order.ts';
import { cloneDocument, isPlainObject, type Doc } from './document-paths.ts';
import { CommandError, failedToParse, immutableField } from './errors.ts';
import { formatKeyValue } from './duplicate-key.ts';
import { withPlainNumbers } from './integral-doubles.ts';
import { runPipeline, scopeOptions } from './query-engine.ts';
import { bsonTypeName } from './bson-type-name.ts';
import { sameStoredValue } from './stored-equality.ts';
import type { TimeLimit } from './time-limit.ts';
import { arrayOperators } from './update-array-operators.ts';
import { fieldOperators, type UpdateOperator } from './update-field-operators.ts';
import { compileArrayFilters, expandPositional, updateTargets } from './update-paths.ts';

const OPERATORS: Record<string, UpdateOperator> = { ...fieldOperators, ...arrayOperators };

type UpdateSpec = Doc | Doc[];

/** Which kind of update a `u` field is, failing like mongod on mixtures and unknown operators. */
export function updateKind(update: unknown): 'pipeline' | 'modifier' | 'replacement' {
  if (Array.isArray(update)) return 'pipeline';
  if (!isPlainObject(update)) throw failedToParse('Update argument must be either an object or an array');
  // Like mongod, the first field decides: an operator makes it an update, anything else a replacement.
  const keys = Object.keys(update);
  if (!keys[0]?.startsWith('$')) {
    const dollar = keys.find((key) => key.startsWith('$'));
    if (dollar)
      throw new CommandError(
        52,
        'DollarPrefixedFieldName',
        `The dollar ($) prefixed field '${dollar}' in '${dollar}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
      );
    return 'replacement';
  }
  const unknown = keys.find((key) => !(key in OPERATORS));
  if (unknown)
    throw failedToParse(
      `Unknown modifier: ${unknown}. Expected a valid update modifier or pipeline-style update specified as an array`,
    );
  for (const key of keys) {
    const fields = update[key];
    if (!isPlainObject(fields))
      throw failedToParse(
        `Modifiers operate on fields but we found type ${bsonTypeName(fields)} instead. For example: {$mod: {<field>: ...}} not {${key}: ${formatKeyValue(fields)}}`,
      );
  }
  return 'modifier';
}

/**
 * The updated copy of `doc` (the stored one is never touched), worked out within `time`.
 * `filter` lets the positional `$` operator find its element; `inserting` marks the upsert case.
 */
export function applyUpdate(
  doc: Doc,
  update: UpdateSpec,
  time: TimeLimit,
  options: { filter?: Doc; arrayFilters?: Doc[]; inserting?: boolean; variables?: Doc } = {},
): Doc {
  const kind = updateKind(update);
  if (kind === 'replacement') return replaceDocument(doc, update as Doc);
  if (kind === 'pipeline') return applyPipeline(doc, update as Doc[], options.variables);
  const copy = cloneDocument(doc);
  const scope = {
    filter: options.filter,
    arrayFilters: compileArrayFilters(options.arrayFilters),
    used: new Set<string>(),
  };
  for (const target of updateTargets(update as Doc)) {
    if (target.operator === '$setOnInsert' && !options.inserting) continue;
    for (const parts of expandPositional(copy, target.parts, scope))
      OPERATORS[target.operator]({ doc: copy, parts, argument: target.argument, time });
  }
  for (const id of scope.arrayFilters.keys())
    if (!scope.used.has(id))
      throw failedToParse(
        `The array filter for identifier '${id}' was not used in the update ${formatKeyValue(update)}`,
      );
  // Setting _id to the value it already has is allowed; any other value is not.
  if (!options.inserting && !sameStoredValue(copy._id, doc._id)) {
    throw immutableField("Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return copy;
}

// A pipeline update is an aggregation over the one document; mongod keeps its _id.
function applyPipeline(doc: Doc, pipeline: Doc[], variables: Doc | undefined): Doc {
  const copy = withPlainNumbers(doc);
  const [result] = runPipeline([copy], pipeline, scopeOptions({ variables }));
  if (!result) return copy;
  if (result._id === undefined) return doc._id === undefined ? result : { _id: doc._id, ...result };
  if (doc._id !== undefined && keyString(result._id) !== keyString(doc._id)) {
    throw immutableField("Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return result;
}

function replaceDocument(doc: Doc, replacement: Doc): Doc {
  if (replacement._id !== undefined && doc._id !== undefined && keyString(replacement._id) !== keyString(doc._id)) {
    throw immutableField(
      `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatKeyValue(replacement._id)}`,
    );
  }
  const { _id, ...rest } = replacement;
  return doc._id === undefined && _id === undefined ? { ...rest } : { _id: doc._id ?? _id, ...rest };
}

/** The document an upsert starts from: the filter's equality fields (including _id). */
export function upsertSeed(filter: Doc | undefined): Doc {
  const seed: Doc = {};
  const visit = (part: Doc) => {
    for (const [field, value] of Object.entries(part)) {
      if (field === '$and' && Array.isArray(value)) for (const inner of value) if (isPlainObject(inner)) visit(inner);
      if (field.startsWith('$')) continue;
      if (isPlainObject(value) && Object.keys(value).some((key) => key.startsWith('$'))) {
        if ('$eq' in value) setPath(seed, field, cloneDocument(value.$eq));
        continue;
      }
      if (!(value instanceof RegExp)) setPath(seed, field, cloneDocument(value));
    }
  };
  if (filter) visit(filter);
  return seed;
}

function setPath(doc: Doc, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = doc;
  for (const part of parts.slice(0, -1)) {
    if (!isPlainObject(at[part])) at[part] = {};
    at = at[part] as Doc;
  }
  at[parts[parts.length - 1]] = value;
}

/** A document ready to store: _id first (generated if absent) and valid. */
export function withIdFirst(doc: Doc): Doc {
  const { _id, ...rest } = doc;
  checkId(_id);
  return { _id: _id === undefined ? new ObjectId() : _id, ...rest };
}

/** Rejects _id values mongod refuses to store. */
export function checkId(id: unknown): void {
  if (Array.isArray(id)) throw new CommandError(53, 'InvalidIdField', "The '_id' value cannot be of type array");
  if (id instanceof RegExp) throw new CommandError(53, 'InvalidIdField', "The '_id' value cannot be of type regex");
  if (isPlainObject(id)) {
    const dollar = Object.keys(id).find((key) => key.startsWith('$'));
    if (dollar)
      throw new CommandError(
        52,
        'DollarPrefixedFieldName',
        `_id fields may not contain '$'-prefixed fields: ${dollar} is not valid for storage.`,
      );
  }
}
