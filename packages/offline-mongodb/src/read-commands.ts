// Reading: find (with sort, projection, skip, limit, batches), getMore, killCursors, count, distinct.
import { calculateObjectSize, Long } from 'bson';
import { equalsBson, keyString } from './bson-order.ts';
import { docArg, numberArg, targetCollection, type CommandContext, type CommandHandler } from './command-context.ts';
import { isPlainObject, valuesAtPath, type Doc } from './document-paths.ts';
import { badValue, CommandError, cursorNotFound, typeMismatch } from './errors.ts';
import type { TimeLimit } from './time-limit.ts';
import { MAX_BSON_BYTES } from './wire-protocol.ts';
import { compileFilter, scopeOptions, sortDocuments, type QueryScope } from './query-engine.ts';
import type { Collection } from './collection.ts';
import { projectDocuments } from './projection.ts';
import { collationOrder } from './collation.ts';
import { isPlain } from './query-risk.ts';
import { takeNearClause } from './geo-query.ts';
import { takeTextClause } from './text-search.ts';

/** The `let` variables and collation a command carries at its top level. */
export function commandScope(body: Doc): QueryScope {
  return { variables: docArg(body, 'let'), collation: docArg(body, 'collation') };
}

/** The scope with the collection's default collation (set at createCollection) when the command names none. */
export function withDefaultCollation(scope: QueryScope, collection: Collection | undefined): QueryScope {
  const fallback = collection?.options.collation;
  return scope.collation !== undefined || !isPlainObject(fallback) ? scope : { ...scope, collation: fallback };
}

/** The documents a filter/sort/skip/limit selects within `time`, in order (shared by find, count and findAndModify). */
export function selectDocuments(
  ctx: CommandContext,
  name: string,
  args: { filter?: Doc; sort?: Doc; skip?: number; limit?: number },
  time: TimeLimit,
  scope: QueryScope = commandScope(ctx.body),
): Doc[] {
  const collection = ctx.catalog.get(ctx.db, name);
  if (!collection) {
    // mongod refuses a bad filter even when there is nothing to search ($text and $near need an index to mean anything).
    compileFilter(takeNearClause(takeTextClause(args.filter).rest).rest, scopeOptions(scope));
    return [];
  }
  scope = withDefaultCollation(scope, collection);
  const skip = args.skip ?? 0;
  const limit = args.limit ?? 0;
  if (skip < 0) throw badValue('skip value must be non-negative, but received: ' + skip);
  const sorted = args.sort && Object.keys(args.sort).length > 0;
  // Without a sort, a scan can stop as soon as it has enough documents.
  let docs = collection.find(args.filter, time, !sorted && limit ? skip + limit : 0, scope);
  if (sorted) docs = sortDocuments(docs, args.sort!, time, collationOrder(scope.collation));
  if (skip || limit) docs = docs.slice(skip, limit ? skip + limit : undefined);
  return docs;
}

const find: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  const filter = docArg(ctx.body, 'filter');
  const projection = docArg(ctx.body, 'projection');
  let limit = numberArg(ctx.body, 'limit') ?? 0;
  let singleBatch = ctx.body.singleBatch === true;
  if (limit < 0) {
    limit = -limit;
    singleBatch = true;
  }
  const sort = docArg(ctx.body, 'sort');
  const skip = numberArg(ctx.body, 'skip');
  const projected = ctx.evaluate(isPlain(filter, projection), (time) => {
    const docs = selectDocuments(ctx, name, { filter, sort, skip, limit }, time);
    return projectDocuments(docs, projection, time, filter);
  });
  const batchSize = numberArg(ctx.body, 'batchSize');
  if (batchSize !== undefined && batchSize < 0)
    throw badValue(`BatchSize value must be non-negative, but received: ${batchSize}`);
  return ctx.cursors.firstBatch(
    `${ctx.db}.${name}`,
    projected,
    batchSize,
    singleBatch || (limit > 0 && limit <= (batchSize ?? 101)),
  );
};

const getMore: CommandHandler = (ctx) => {
  const id = ctx.body.getMore;
  if (!(id instanceof Long)) throw typeMismatch("Field 'getMore' must be of type long");
  const reply = ctx.cursors.getMore(id, numberArg(ctx.body, 'batchSize'));
  if (!reply) throw cursorNotFound(id.toString());
  return reply;
};

const killCursors: CommandHandler = (ctx) => {
  const ids = Array.isArray(ctx.body.cursors)
    ? ctx.body.cursors.map((id) => (id instanceof Long ? id : Long.fromNumber(Number(id))))
    : [];
  const { killed, notFound } = ctx.cursors.kill(ids);
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

const count: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  const query = docArg(ctx.body, 'query');
  const collection = ctx.catalog.get(ctx.db, name);
  const skip = numberArg(ctx.body, 'skip') ?? 0;
  const limit = Math.abs(numberArg(ctx.body, 'limit') ?? 0);
  // estimatedDocumentCount sends a bare count: no need to look at documents.
  let n =
    !query || Object.keys(query).length === 0
      ? (collection?.size ?? 0)
      : ctx.evaluate(isPlain(query), (time) => selectDocuments(ctx, name, { filter: query }, time).length);
  n = Math.max(0, n - skip);
  if (limit) n = Math.min(n, limit);
  return { n, ok: 1 };
};

const distinct: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  const key = ctx.body.key;
  if (typeof key !== 'string') throw typeMismatch("Field 'key' must be of type string");
  const seen = new Set<string>();
  const values: unknown[] = [];
  const scope = withDefaultCollation(commandScope(ctx.body), ctx.catalog.get(ctx.db, name));
  const strings = collationOrder(scope.collation);
  const query = docArg(ctx.body, 'query');
  ctx.evaluate(isPlain(query), (time) => {
    for (const doc of selectDocuments(ctx, name, { filter: query }, time, scope)) {
      time.check();
      for (const value of valuesAtPath(doc, key)) {
        if (value === undefined) continue;
        // Under a collation "PING" and "ping" can be one value; compare instead of hashing.
        if (strings) {
          if (!values.some((known) => equalsBson(known, value, strings))) values.push(value);
          continue;
        }
        const id = keyString(value);
        if (seen.has(id)) continue;
        seen.add(id);
        values.push(value);
      }
    }
  });
  // mongod answers distinct in one document, so its values must fit in 16 MB.
  if (calculateObjectSize({ values }) > MAX_BSON_BYTES)
    throw new CommandError(17217, 'Location17217', 'distinct too big, 16mb cap');
  return { values, ok: 1 };
};

/** Read commands. */
export const readCommands: Record<string, CommandHandler> = { find, getMore, killCursors, count, distinct };
