// aggregate: mingo runs the pipeline; the stand-in supplies $lookup's other
// collections and performs $out/$merge writes itself.
import { docArg, type CommandContext, type CommandHandler } from './command-context.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { withPlainNumbers } from './integral-doubles.ts';
import { setTextScore, textScoreOf } from './text-score.ts';
import { badValue, CommandError, failedToParse, typeMismatch } from './errors.ts';
import type { TimeLimit } from './time-limit.ts';
import { compileFilter, runPipeline, scopeOptions } from './query-engine.ts';
import { geoNearStage } from './geo-query.ts';
import { commandScope, withDefaultCollation } from './read-commands.ts';
import { calculateObjectSize } from 'bson';
import { checkInsertable, checkUpdated } from './document-limits.ts';
import { sameStoredValue } from './stored-equality.ts';
import { duplicateKeyError } from './duplicate-key.ts';
import { applyUpdate, withIdFirst } from './update-apply.ts';
import { explainCommand } from './explain-command.ts';

function outputTarget(ctx: CommandContext, stage: Doc): [string, string] {
  const spec = stage.$out ?? stage.$merge;
  if (typeof spec === 'string') return [ctx.db, spec];
  if (isPlainObject(spec)) {
    const into = '$merge' in stage ? spec.into : spec;
    if (typeof into === 'string') return [ctx.db, into];
    if (isPlainObject(into)) return [String(into.db ?? ctx.db), String(into.coll)];
  }
  throw badValue('invalid $out/$merge target');
}

function writeOut(ctx: CommandContext, results: Doc[], target: [string, string]): void {
  const existing = ctx.catalog.get(...target);
  const indexes = existing?.indexSpecs().slice(1) ?? [];
  ctx.catalog.drop(...target);
  const collection = ctx.catalog.create(...target);
  for (const spec of indexes) collection.createIndex(spec);
  for (const doc of results) collection.insert(insertable(doc));
}

// $out and $merge store what the pipeline made: mongod's insert limits apply to it.
function insertable(doc: Doc): Doc {
  checkInsertable(doc, calculateObjectSize(doc));
  return withIdFirst(doc);
}

function writeMerge(ctx: CommandContext, results: Doc[], target: [string, string], spec: Doc, time: TimeLimit): void {
  const collection = ctx.catalog.getOrCreate(...target);
  const on = typeof spec.on === 'string' ? [spec.on] : Array.isArray(spec.on) ? (spec.on as string[]) : ['_id'];
  const whenMatched = spec.whenMatched ?? 'merge';
  const whenNotMatched = spec.whenNotMatched ?? 'insert';
  for (const doc of results) {
    const filter = Object.fromEntries(on.map((field) => [field, doc[field] ?? null]));
    const [match] = collection.find(filter, time, 1);
    if (!match) {
      if (whenNotMatched === 'fail')
        throw new CommandError(
          13113,
          'MergeStageNoMatchingDocument',
          '$merge could not find a matching document in the target collection for at least one document in the source collection',
        );
      if (whenNotMatched === 'insert') collection.insert(insertable(doc));
      continue;
    }
    if (whenMatched === 'fail') throw duplicateKeyError(collection.namespace, '_id_', { _id: 1 }, { _id: match._id });
    if (whenMatched === 'keepExisting') continue;
    const { _id, ...rest } = doc;
    const next =
      whenMatched === 'replace'
        ? { _id: match._id, ...rest }
        : Array.isArray(whenMatched)
          ? applyUpdate(match, whenMatched as Doc[], time)
          : applyUpdate(match, { $set: rest }, time);
    if (sameStoredValue(next, match)) continue;
    checkUpdated(next, false);
    collection.replace(match, next);
  }
}

// A copy for mingo keeps the $text score of the stored document it was made from.
function copyWithScore(doc: Doc): Doc {
  const copy = withPlainNumbers(doc);
  setTextScore(copy, textScoreOf(doc));
  return copy;
}

const aggregate: CommandHandler = (ctx) => {
  const target = ctx.body.aggregate;
  const pipeline = ctx.body.pipeline;
  if (!Array.isArray(pipeline)) throw typeMismatch("'pipeline' option must be specified as an array");
  // Change streams (Model.watch()) need a replica set; a standalone mongod refuses them the same way.
  if (pipeline.some((stage) => isPlainObject(stage) && '$changeStream' in stage)) {
    throw new CommandError(40573, 'Location40573', 'The $changeStream stage is only supported on replica sets');
  }
  if (ctx.body.explain === true) return explainCommand(ctx, ctx.body, 'queryPlanner');
  const cursorSpec = docArg(ctx.body, 'cursor');
  if (!cursorSpec && ctx.body.explain !== true)
    throw failedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
  const last = pipeline[pipeline.length - 1] as Doc | undefined;
  const writes = last && ('$out' in last || '$merge' in last) ? last : undefined;
  const stages = (writes ? pipeline.slice(0, -1) : pipeline) as Doc[];
  // { aggregate: 1 } is a database-level pipeline (starting with $documents, for example).
  // Copies with plain numbers: mingo writes into nested objects of its input, and knows no bson Double.
  const read = (name: string) => [...(ctx.catalog.get(ctx.db, name)?.all() ?? [])].map(withPlainNumbers);
  const collection = typeof target === 'string' ? ctx.catalog.get(ctx.db, target) : undefined;
  const scope = withDefaultCollation(commandScope(ctx.body), collection);
  // Leading $match stages run as a query over the stored documents: the stand-in's own operators
  // (which know every bson type) and its indexes, and only the matches are copied for mingo.
  const leading = stages.findIndex((stage) => !isPlainObject(stage) || !isPlainObject(stage.$match));
  const matches = (leading < 0 ? stages : stages.slice(0, leading)).map((stage) => stage.$match as Doc);
  const rest = leading < 0 ? [] : stages.slice(leading);
  // Pipelines evaluate arbitrary expressions per document: always under the watchdog, and writes only after.
  const results = ctx.evaluate(false, (time) => {
    const filter = matches.length === 1 ? matches[0] : matches.length ? { $and: matches } : undefined;
    // $geoNear must come first: it picks the documents, nearest first, with their distances.
    const geoNear = isPlainObject(stages[0]) && '$geoNear' in stages[0] ? stages[0].$geoNear : undefined;
    if (geoNear !== undefined) {
      const matches = compileFilter(isPlainObject(geoNear) ? (geoNear.query as Doc) : undefined, scopeOptions(scope));
      const near = geoNearStage(collection, geoNear, matches).map(withPlainNumbers);
      return runPipeline(near, stages.slice(1), { collectionResolver: read, ...scopeOptions(scope) });
    }
    const source = collection ? collection.find(filter, time, 0, scope).map(copyWithScore) : [];
    return runPipeline(source, rest, { collectionResolver: read, ...scopeOptions(scope) });
  });
  if (writes) {
    const out = outputTarget(ctx, writes);
    if ('$out' in writes) writeOut(ctx, results, out);
    // Plain: no watchdog, which could stop it between two writes; only its own time checks can.
    else
      ctx.evaluate(true, (time) =>
        writeMerge(ctx, results, out, isPlainObject(writes.$merge) ? writes.$merge : {}, time),
      );
  }
  const namespace = typeof target === 'string' ? `${ctx.db}.${target}` : `${ctx.db}.$cmd.aggregate`;
  return ctx.cursors.firstBatch(namespace, writes ? [] : results, cursorSpec?.batchSize as number | undefined);
};

/** The aggregate command. */
export const aggregateCommands: Record<string, CommandHandler> = { aggregate };
