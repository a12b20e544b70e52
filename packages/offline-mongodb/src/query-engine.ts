// The one place the stand-in talks to mingo: filters, sorting, projection and
// aggregation pipelines, all with the BSON-aware operators from query-operators.ts.
import { Context, evalExpr } from 'mingo/core';
import { Query } from 'mingo/query';
import { Aggregator } from 'mingo/aggregator';
import { Lazy } from 'mingo/lazy';
import type { Options } from 'mingo/types';
import type { Iterator } from 'mingo/lazy';
import * as accumulatorOperators from 'mingo/operators/accumulator';
import * as expressionOperators from 'mingo/operators/expression';
import * as pipelineOperators from 'mingo/operators/pipeline';
import * as projectionOperators from 'mingo/operators/projection';
import * as queryOperators from 'mingo/operators/query';
import * as windowOperators from 'mingo/operators/window';
import { compareBson, type StringOrder } from './bson-order.ts';
import { valuesAtPath, type Doc } from './document-paths.ts';
import { collationOrder, normaliseCollation } from './collation.ts';
import { Binary, UUID } from 'bson';
import { badValue, CommandError, immutableField } from './errors.ts';
import { bsonQueryOperators } from './query-operators.ts';
import { TimeLimit } from './time-limit.ts';
import { textScoreOf } from './text-score.ts';
import { holdsNumberObjects, withPlainNumbers } from './integral-doubles.ts';
import { isPlain } from './query-risk.ts';

/** Sorts documents by a sort spec in mongod's order (arrays sort by their smallest/largest element). */
export function sortDocuments<T extends Doc>(
  docs: T[],
  spec: Record<string, unknown>,
  time: TimeLimit,
  strings?: StringOrder,
): T[] {
  // { $meta: "textScore" } sorts by the $text score, highest first; other objects are not directions.
  const fields = Object.entries(spec)
    .filter(([, dir]) => typeof dir !== 'object' || isTextScore(dir))
    .map(([path, dir]) => ({ path, meta: isTextScore(dir), dir: isTextScore(dir) ? -1 : Number(dir) }));
  if (fields.length === 0) return docs;
  const keyed = docs.map((doc) => ({
    doc,
    keys: fields.map(({ path, meta, dir }) =>
      meta ? textScoreOf(doc) : sortKey(valuesAtPath(doc, path), dir < 0, strings),
    ),
  }));
  keyed.sort((a, b) => {
    time.check();
    for (let i = 0; i < fields.length; i++) {
      const order = compareBson(a.keys[i], b.keys[i], strings);
      if (order) return fields[i].dir < 0 ? -order : order;
    }
    return 0;
  });
  return keyed.map((entry) => entry.doc);
}

function isTextScore(direction: unknown): boolean {
  return typeof direction === 'object' && direction !== null && (direction as Doc).$meta === 'textScore';
}

function sortKey(values: unknown[], descending: boolean, strings?: StringOrder): unknown {
  if (values.length === 0) return null;
  let best = values[0];
  for (const value of values) {
    const order = compareBson(value, best, strings);
    if (descending ? order > 0 : order < 0) best = value;
  }
  return best;
}

// mingo's own $sort compares bson classes by their strings; aggregation uses ours. A pipeline
// always runs under the watchdog (watchdog.ts), which stops it when its time is up.
const $sort = (collection: Iterator, expr: unknown, options: unknown) =>
  Lazy(
    sortDocuments(
      collection.collect() as Doc[],
      expr as Record<string, unknown>,
      TimeLimit.none(),
      collationOrder((options as { collation?: unknown }).collation),
    ),
  );

// mingo's $project puts _id last and computed fields first; mongod keeps _id first, then the
// fields it kept in the input's order, then the computed ones.
const $project = (collection: Iterator, expr: unknown, options: Options) => {
  const input = collection.collect() as Doc[];
  const output = pipelineOperators.$project(Lazy(input), expr as Record<string, unknown>, options).collect() as Doc[];
  return Lazy(output.map((doc, i) => inInputOrder(doc, input[i])));
};

function inInputOrder(doc: Doc, input: Doc): Doc {
  const out: Doc = '_id' in doc ? { _id: doc._id } : {};
  for (const key of Object.keys(input)) if (key in doc) out[key] = doc[key];
  for (const key of Object.keys(doc)) if (!(key in out)) out[key] = doc[key];
  return out;
}

// A database-level stage drivers use in their own tests; the stand-in has one pretend session.
const $listLocalSessions = () =>
  Lazy([{ _id: { id: new UUID(), uid: new Binary(Buffer.alloc(32)) }, lastUse: new Date() }]);

type ContextOps = NonNullable<Parameters<typeof Context.init>[0]>;

// { $meta: "textScore" } in a pipeline: the score the leading $text match gave the document.
const $meta = (doc: Doc, what: unknown) => (what === 'textScore' ? textScoreOf(doc) : undefined);

const context = Context.init({
  query: bsonQueryOperators as unknown as ContextOps['query'],
  pipeline: { $sort, $project, $listLocalSessions } as unknown as ContextOps['pipeline'],
  expression: { $meta } as unknown as ContextOps['expression'],
})
  .addQueryOps(queryOperators)
  .addPipelineOps(pipelineOperators)
  .addExpressionOps(expressionOperators)
  .addAccumulatorOps(accumulatorOperators)
  .addProjectionOps(projectionOperators)
  .addWindowOps(windowOperators);

const baseOptions: Partial<Options> = { context, useStrictMode: true };

// mingo copies its whole operator table for every Query built from plain options
// (~0.1 ms), unless handed one of its own compiled option objects. We capture one
// once through a private operator and reuse it for ordinary filters.
let compiledOptions: Partial<Options> | undefined;
const captureContext = Context.init({
  query: {
    $standinCapture: (_: string, __: unknown, options: Partial<Options>) => {
      compiledOptions = options;
      return () => true;
    },
  },
} as unknown as ContextOps).addQueryOps(bsonQueryOperators as unknown as ContextOps['query'] & object);
new Query({ x: { $standinCapture: 1 } }, { ...baseOptions, context: Context.from(context, captureContext) });

/** mingo options shared by every query; `extra` adds per-command bits like a collection resolver. */
function mingoOptions(extra: Partial<Options> = {}): Partial<Options> {
  if (Object.keys(extra).length === 0 && compiledOptions) return compiledOptions;
  return { ...baseOptions, ...extra };
}

/** Runs `work`, turning mingo's errors into mongod-style BadValue errors. */
function withQueryErrors<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof CommandError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    const immutable = /update on the path '([^']+)' would modify the immutable field '_id'/.exec(message);
    if (immutable)
      throw immutableField(`Performing an update on the path '${immutable[1]}' would modify the immutable field '_id'`);
    const stage = /unregistered pipeline operator (\$\w+)/.exec(message);
    if (stage?.[1] === '$geoNear')
      throw new CommandError(40602, 'Location40602', '$geoNear is only valid as the first stage in a pipeline');
    if (stage) throw new CommandError(40324, 'Location40324', `Unrecognized pipeline stage name: '${stage[1]}'`);
    const operator = /unknown (?:query |top level )?operator:? '?(\$\w+)/i.exec(message);
    // A $text the stand-in did not take out first (text-search.ts) sits where mongod allows none.
    if (operator?.[1] === '$text') throw badValue('$text is not allowed in this context');
    if (operator?.[1] === '$near' || operator?.[1] === '$nearSphere')
      throw badValue('$geoNear, $near, and $nearSphere are not allowed in this context');
    if (operator) throw badValue(`unknown operator: ${operator[1]}`);
    throw badValue(message);
  }
}

/** A predicate for a find/update/delete filter. */
export function compileFilter(filter: Doc | undefined, extra: Partial<Options> = {}): (doc: Doc) => boolean {
  if (!filter || Object.keys(filter).length === 0) return () => true;
  const query = withQueryErrors(() => new Query(filter, mingoOptions(extra)));
  // The stand-in's own operators know bson Double objects (kept integral doubles); mingo's know only numbers.
  if (!isPlain(filter))
    return (doc) => withQueryErrors(() => query.test(holdsNumberObjects(doc) ? withPlainNumbers(doc) : doc));
  // Called once per document scanned: no closure per call, only a try.
  return (doc) => {
    try {
      return query.test(doc);
    } catch (error) {
      return withQueryErrors(() => {
        throw error;
      });
    }
  };
}

/** Evaluates an aggregation expression against one document (computed fields of a find projection). */
export function evaluateExpression(doc: Doc, expression: unknown): unknown {
  return withQueryErrors(() => evalExpr(withPlainNumbers(doc), expression, { ...baseOptions } as Options));
}

/** Per-command query settings: `let` variables and a collation. */
export interface QueryScope {
  variables?: Doc;
  collation?: Doc;
}

/** mingo options for a command's scope (shared compiled options when there is none). */
export function scopeOptions(scope: QueryScope = {}): Partial<Options> {
  const extra: Partial<Options> = {};
  if (scope.variables) Object.assign(extra, { variables: evaluateVariables(scope.variables) });
  const collation = normaliseCollation(scope.collation);
  if (collation) Object.assign(extra, { collation });
  return extra;
}

/** A command's `let` document with each expression evaluated ({ $literal: "x" } → "x"), like mongod. */
function evaluateVariables(variables: Doc): Doc {
  return runPipeline([{}], [{ $replaceWith: { $literal: {} } }, { $addFields: variables }])[0] ?? {};
}

/** Runs an aggregation pipeline (without $out/$merge, which the caller handles). */
export function runPipeline(docs: Doc[], pipeline: Doc[], extra: Partial<Options> = {}): Doc[] {
  const options = { ...extra } as Record<string, unknown>;
  if (options.collation) options.collation = normaliseCollation(options.collation);
  return withQueryErrors(() => new Aggregator(pipeline, mingoOptions(options)).run(docs) as Doc[]);
}
