// createIndexes, listIndexes, dropIndexes: mongod's rules for names, clashes and the _id index.
import { keyString, toNumber } from './bson-order.ts';
import { targetCollection, type CommandHandler } from './command-context.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import {
  badValue,
  CommandError,
  indexKeySpecsConflict,
  indexNotFound,
  indexOptionsConflict,
  namespaceNotFound,
} from './errors.ts';
import type { IndexSpec } from './index-store.ts';
import { normaliseTextIndex, textIndexOf } from './text-search.ts';

/** The name mongod gives an index it was not asked to name: "name_1", "a_1_b_-1". */
function defaultIndexName(key: Doc): string {
  return Object.entries(key)
    .map(([field, dir]) => `${field}_${String(dir)}`)
    .join('_');
}

// Options that make two indexes on the same key different indexes (or a conflict).
const IDENTITY_OPTIONS = ['unique', 'sparse', 'partialFilterExpression', 'collation'];

function sameOptions(a: Doc, b: Doc): boolean {
  return IDENTITY_OPTIONS.every((option) => keyString(a[option] ?? null) === keyString(b[option] ?? null));
}

const createIndexes: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  const requested = ctx.body.indexes;
  if (!Array.isArray(requested) || requested.length === 0) throw badValue('Must specify at least one index to create');
  const existed = ctx.catalog.get(ctx.db, name);
  const collection = existed ?? ctx.catalog.getOrCreate(ctx.db, name);
  const before = collection.indexSpecs().length;
  let created = 0;
  for (const raw of requested) {
    if (!isPlainObject(raw) || !isPlainObject(raw.key) || Object.keys(raw.key).length === 0) {
      throw new CommandError(
        67,
        'CannotCreateIndex',
        "Error in specification { } :: caused by :: The 'key' field is a required property of an index specification",
      );
    }
    const spec: IndexSpec = normaliseTextIndex({
      v: 2,
      key: raw.key,
      name: typeof raw.name === 'string' ? raw.name : defaultIndexName(raw.key),
      ...raw,
    });
    spec.v = 2;
    const text = textIndexOf(collection);
    if (spec.key._fts && text && text.name !== spec.name)
      throw indexOptionsConflict(
        `only one text index per collection allowed, found existing text index "${text.name}"`,
      );
    const byName = collection.findIndex(spec.name);
    const byKey = collection.indexSpecs().find((s) => keyString(s.key) === keyString(spec.key) && sameOptions(s, spec));
    if (byName) {
      if (keyString(byName.key) === keyString(spec.key) && sameOptions(byName, spec)) continue; // already there
      throw indexKeySpecsConflict(
        `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(byName)}`,
      );
    }
    if (byKey) throw indexOptionsConflict(`Index already exists with a different name: ${byKey.name}`);
    checkTtlOption(spec);
    if (spec.key._id !== undefined && Object.keys(spec.key).length === 1 && spec.unique !== undefined) {
      throw badValue("The field 'unique' is not valid for an _id index specification.");
    }
    ctx.evaluate(true, (time) => collection.createIndex(spec, time));
    created++;
  }
  const reply: Doc = {
    numIndexesBefore: before,
    numIndexesAfter: before + created,
    createdCollectionAutomatically: !existed,
    ok: 1,
  };
  if (created === 0) reply.note = 'all indexes already exist';
  return reply;
};

// mongod's rules for expireAfterSeconds (TTL indexes, see ttl-monitor.ts).
function checkTtlOption(spec: IndexSpec): void {
  if (spec.expireAfterSeconds === undefined) return;
  const seconds = toNumber(spec.expireAfterSeconds);
  const cannot = (message: string) =>
    new CommandError(67, 'CannotCreateIndex', `${message} Index spec: ${JSON.stringify(spec)}`);
  if (Number.isNaN(seconds)) throw cannot("TTL index 'expireAfterSeconds' option must be numeric.");
  if (seconds < 0) throw cannot("TTL index 'expireAfterSeconds' option cannot be less than 0.");
  if (seconds > 2 ** 31 - 1)
    throw cannot("TTL index 'expireAfterSeconds' option must be within an acceptable range, try a lower number.");
}

const listIndexes: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  const collection = ctx.catalog.get(ctx.db, name);
  if (!collection) throw namespaceNotFound(`ns does not exist: ${ctx.db}.${name}`);
  const cursor = isPlainObject(ctx.body.cursor) ? ctx.body.cursor : {};
  return ctx.cursors.firstBatch(collection.namespace, collection.indexSpecs(), cursor.batchSize as number | undefined);
};

const dropIndexes: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  const collection = ctx.catalog.get(ctx.db, name);
  if (!collection) throw namespaceNotFound(`ns not found ${ctx.db}.${name}`);
  const nIndexesWas = collection.indexSpecs().length;
  const target = ctx.body.index;
  const names =
    target === '*'
      ? collection
          .indexSpecs()
          .slice(1)
          .map((s) => s.name)
      : Array.isArray(target)
        ? target
        : [target];
  for (const wanted of names) {
    const spec = collection.findIndex(wanted);
    if (!spec) {
      const label = typeof wanted === 'string' ? `name ${wanted}` : `key pattern ${JSON.stringify(wanted)}`;
      throw indexNotFound(
        typeof wanted === 'string' ? `index not found with name [${wanted}]` : `can't find index with ${label}`,
      );
    }
    if (spec.name === collection.indexSpecs()[0].name)
      throw new CommandError(72, 'InvalidOptions', 'cannot drop _id index');
    collection.dropIndex(spec.name);
  }
  return { nIndexesWas, ok: 1 };
};

/** Index management commands. */
export const indexCommands: Record<string, CommandHandler> = {
  createIndexes,
  listIndexes,
  dropIndexes,
  deleteIndexes: dropIndexes,
};
