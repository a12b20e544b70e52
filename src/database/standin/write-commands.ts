// Writing: insert, update and delete, each a batch of statements with per-statement
// writeErrors, honouring ordered (stop at first error) vs unordered.
import { docArg, targetCollection, type CommandContext, type CommandHandler } from './command-context.ts';
import type { Collection } from './collection.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { badValue, CommandError, failedToParse, typeMismatch } from './errors.ts';
import { selectDocuments } from './read-commands.ts';
import { calculateObjectSize } from 'bson';
import { keyString } from './bson-order.ts';
import { MAX_BSON_BYTES } from './wire-protocol.ts';
import { applyUpdate, checkId, updateKind, upsertSeed, withIdFirst } from './update-apply.ts';

function writeError(index: number, error: unknown): Doc {
  if (error instanceof CommandError)
    return { index, code: error.code, codeName: error.codeName, errmsg: error.message, ...error.extra };
  throw error;
}

function statements(ctx: CommandContext, field: string): Doc[] {
  const list = ctx.body[field];
  if (!Array.isArray(list))
    throw typeMismatch(`BSON field '${Object.keys(ctx.body)[0]}.${field}' is missing or not an array`);
  return list as Doc[];
}

/** Runs each statement, collecting writeErrors; stops at the first when ordered. */
function runBatch(ctx: CommandContext, items: Doc[], run: (item: Doc, index: number) => void): Doc[] {
  const ordered = ctx.body.ordered !== false;
  const errors: Doc[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      run(items[i], i);
    } catch (error) {
      errors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  return errors;
}

function reply(fields: Doc, errors: Doc[]): Doc {
  return errors.length ? { ...fields, writeErrors: errors, ok: 1 } : { ...fields, ok: 1 };
}

/** mongod's two refusals: past its 16 KB of slack the BSON itself is invalid; up to there, the insert is refused. */
function checkInsertSize(size: number): void {
  const internalLimit = MAX_BSON_BYTES + 16 * 1024;
  if (size > internalLimit) {
    const message = `BSONObj size: ${size} (0x${size.toString(16).toUpperCase()}) is invalid. Size must be between 0 and ${internalLimit}(16MB)`;
    throw new CommandError(10334, 'BSONObjectTooLarge', message);
  }
  if (size > MAX_BSON_BYTES)
    throw badValue(`object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_BYTES}`);
}

const insert: CommandHandler = (ctx) => {
  const documents = statements(ctx, 'documents');
  const collection = ctx.catalog.getOrCreate(ctx.db, targetCollection(ctx));
  let n = 0;
  // Measuring every document would slow big batches; only a message over the limit can hold one too large.
  const mayBeTooLarge = (ctx.messageBytes ?? 0) > MAX_BSON_BYTES;
  const errors = runBatch(ctx, documents, (doc) => {
    if (!isPlainObject(doc)) throw badValue('document to insert must be an object');
    if (mayBeTooLarge) {
      checkInsertSize(calculateObjectSize(doc));
    }
    checkId(doc._id);
    collection.insert(doc._id === undefined || Object.keys(doc)[0] === '_id' ? doc : withIdFirst(doc));
    n++;
  });
  return reply({ n }, errors);
};

/** Applies one update statement; returns how many matched/changed and an upserted _id. */
export function updateDocuments(
  collection: Collection,
  matched: Doc[],
  statement: { q?: Doc; u: unknown; upsert?: boolean; arrayFilters?: Doc[]; variables?: Doc },
): { n: number; nModified: number; upsertedId?: unknown; updated: Doc[] } {
  const kind = updateKind(statement.u);
  const update = statement.u as Doc;
  if (matched.length === 0 && statement.upsert) {
    const seed = upsertSeed(statement.q);
    const created = withIdFirst(
      applyUpdate(seed, update, { inserting: kind !== 'replacement', variables: statement.variables }),
    );
    collection.insert(created);
    return { n: 1, nModified: 0, upsertedId: created._id, updated: [created] };
  }
  let nModified = 0;
  const updated: Doc[] = [];
  for (const doc of matched) {
    const next = applyUpdate(doc, update, {
      filter: statement.q,
      arrayFilters: statement.arrayFilters,
      variables: statement.variables,
    });
    if (keyString(next) !== keyString(doc)) {
      collection.replace(doc, next);
      nModified++;
    }
    updated.push(next);
  }
  return { n: matched.length, nModified, updated };
}

const update: CommandHandler = (ctx) => {
  const updates = statements(ctx, 'updates');
  const name = targetCollection(ctx);
  let n = 0;
  let nModified = 0;
  const upserted: Doc[] = [];
  const errors = runBatch(ctx, updates, (statement, index) => {
    if (!isPlainObject(statement) || statement.u === undefined)
      throw failedToParse("BSON field 'update.updates.u' is missing but a required field");
    const multi = statement.multi === true;
    if (multi && updateKind(statement.u) === 'replacement')
      throw failedToParse('multi update is not supported for replacement-style update');
    const q = docArg(statement, 'q');
    // updateOne's sort arrived in MongoDB 8.0; a 7.0 server rejects it.
    if (statement.sort !== undefined)
      throw new CommandError(40415, 'Location40415', "BSON field 'update.updates.sort' is an unknown field.");
    const variables = docArg(ctx.body, 'let');
    const matched = selectDocuments(
      ctx,
      name,
      { filter: q, limit: multi ? 0 : 1 },
      { variables, collation: docArg(statement, 'collation') },
    );
    const collection = matched.length || statement.upsert ? ctx.catalog.getOrCreate(ctx.db, name) : undefined;
    if (!collection) return;
    const arrayFilters = Array.isArray(statement.arrayFilters) ? (statement.arrayFilters as Doc[]) : undefined;
    const result = updateDocuments(collection, matched, {
      q,
      u: statement.u,
      upsert: statement.upsert === true,
      arrayFilters,
      variables,
    });
    n += result.n;
    nModified += result.nModified;
    if (result.upsertedId !== undefined) upserted.push({ index, _id: result.upsertedId });
  });
  return reply(upserted.length ? { n, nModified, upserted } : { n, nModified }, errors);
};

const remove: CommandHandler = (ctx) => {
  const deletes = statements(ctx, 'deletes');
  const name = targetCollection(ctx);
  let n = 0;
  const errors = runBatch(ctx, deletes, (statement) => {
    const limit = Number(statement.limit ?? 0);
    if (limit !== 0 && limit !== 1)
      throw failedToParse(`The limit field in delete objects must be 0 or 1. Got ${limit}`);
    const collection = ctx.catalog.get(ctx.db, name);
    if (!collection) return;
    const scope = { variables: docArg(ctx.body, 'let'), collation: docArg(statement, 'collation') };
    for (const doc of selectDocuments(ctx, name, { filter: docArg(statement, 'q'), limit }, scope)) {
      collection.remove(doc);
      n++;
    }
  });
  return reply({ n }, errors);
};

/** insert, update and delete. */
export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: remove };
