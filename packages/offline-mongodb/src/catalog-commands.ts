// Commands about databases and collections themselves: list, create, drop, rename, stats.
import { BSON } from 'bson';
import { docArg, targetCollection, type CommandContext, type CommandHandler } from './command-context.ts';
import type { Collection } from './collection.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { indexNotFound, namespaceExists, namespaceNotFound, queryPlanKilled, typeMismatch } from './errors.ts';
import { compileFilter } from './query-engine.ts';
import { isPlain } from './query-risk.ts';
import { checkValidator } from './document-validation.ts';

function dataSize(collection: Collection): number {
  let bytes = 0;
  for (const doc of collection.all()) bytes += BSON.calculateObjectSize(doc);
  return bytes;
}

function requireCollection(ctx: CommandContext, name = targetCollection(ctx)): Collection {
  const collection = ctx.catalog.get(ctx.db, name);
  if (!collection) throw namespaceNotFound(`ns does not exist: ${ctx.db}.${name}`);
  return collection;
}

/** Ends the open cursors over a collection that goes, in mongod's words ('collection dropped. UUID …'). */
function endCursors(ctx: CommandContext, collection: Collection, how = 'dropped'): void {
  ctx.cursors.endOver(
    collection.namespace,
    queryPlanKilled(`collection ${how}. UUID ${collection.uuid.toHexString()}`),
  );
}

const listDatabases: CommandHandler = (ctx) => {
  const spec = docArg(ctx.body, 'filter');
  const filter = ctx.evaluate(isPlain(spec), () => compileFilter(spec));
  const databases = ctx.catalog
    .databaseNames()
    .map((name) => {
      const size = ctx.catalog.collections(name).reduce((sum, c) => sum + dataSize(c), 0);
      return ctx.body.nameOnly ? { name } : { name, sizeOnDisk: size, empty: size === 0 };
    })
    .filter((entry) => ctx.evaluate(isPlain(spec), () => filter(entry)));
  const totalSize = databases.reduce((sum, db) => sum + Number((db as Doc).sizeOnDisk ?? 0), 0);
  return ctx.body.nameOnly
    ? { databases, ok: 1 }
    : { databases, totalSize, totalSizeMb: Math.round(totalSize / 1e6), ok: 1 };
};

const listCollections: CommandHandler = (ctx) => {
  const spec = docArg(ctx.body, 'filter');
  const filter = ctx.evaluate(isPlain(spec), () => compileFilter(spec));
  const nameOnly = ctx.body.nameOnly === true;
  const entries = ctx.catalog
    .collections(ctx.db)
    .map(
      (c): Doc => ({
        name: c.name,
        type: 'collection',
        options: c.options,
        info: { readOnly: false, uuid: c.uuid },
        idIndex: { v: 2, key: { _id: 1 }, name: '_id_' },
      }),
    )
    .filter((entry) => ctx.evaluate(isPlain(spec), () => filter(entry)))
    .map((entry) => (nameOnly ? { name: entry.name, type: entry.type } : entry));
  const batchSize = docArg(ctx.body, 'cursor')?.batchSize as number | undefined;
  return ctx.cursors.firstBatch(`${ctx.db}.$cmd.listCollections`, entries, batchSize);
};

const create: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  if (ctx.catalog.get(ctx.db, name)) throw namespaceExists(`Collection ${ctx.db}.${name} already exists.`);
  const options: Doc = {};
  for (const [key, value] of Object.entries(ctx.body)) {
    if (key !== 'create' && !key.startsWith('$') && !['lsid', 'writeConcern', 'comment', 'txnNumber'].includes(key))
      options[key] = value;
  }
  checkValidator(options.validator);
  // A clustered collection's _id index is the one named here; mongod fills in its version.
  if (isPlainObject(options.clusteredIndex)) options.clusteredIndex = { v: 2, name: '_id_', ...options.clusteredIndex };
  ctx.catalog.create(ctx.db, name, options);
  return { ok: 1 };
};

const drop: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  const collection = ctx.catalog.get(ctx.db, name);
  if (!collection) return { ok: 1 }; // mongod 7 treats dropping a missing collection as done.
  const nIndexesWas = collection.indexSpecs().length;
  endCursors(ctx, collection);
  ctx.catalog.drop(ctx.db, name);
  return { nIndexesWas, ns: collection.namespace, ok: 1 };
};

const dropDatabase: CommandHandler = (ctx) => {
  for (const collection of ctx.catalog.collections(ctx.db)) endCursors(ctx, collection);
  ctx.catalog.dropDatabase(ctx.db);
  return { dropped: ctx.db, ok: 1 };
};

const renameCollection: CommandHandler = (ctx) => {
  const from = String(ctx.body.renameCollection);
  const to = ctx.body.to;
  if (typeof to !== 'string') throw typeMismatch("'to' must be of type String");
  const split = (ns: string) => [ns.slice(0, ns.indexOf('.')), ns.slice(ns.indexOf('.') + 1)];
  const [fromDb, fromName] = split(from);
  const [toDb, toName] = split(to);
  const source = ctx.catalog.get(fromDb, fromName);
  if (!source) throw namespaceNotFound(`Source collection ${from} does not exist`);
  const target = ctx.catalog.get(toDb, toName);
  if (target) {
    if (ctx.body.dropTarget !== true) throw namespaceExists('target namespace exists');
    endCursors(ctx, target);
    ctx.catalog.drop(toDb, toName);
  }
  ctx.catalog.rename(source, toDb, toName);
  endCursors(ctx, source, `renamed from '${from}' to '${to}'`);
  return { ok: 1 };
};

const collMod: CommandHandler = (ctx) => {
  const collection = requireCollection(ctx);
  checkValidator(ctx.body.validator);
  for (const [key, value] of Object.entries(ctx.body)) {
    if (key === 'validator' || key === 'validationLevel' || key === 'validationAction') collection.options[key] = value;
  }
  // { index: { name | keyPattern, expireAfterSeconds } } changes a TTL index's expiry.
  const index = docArg(ctx.body, 'index');
  if (index?.expireAfterSeconds !== undefined) {
    const spec = collection.findIndex(index.name ?? index.keyPattern);
    if (!spec)
      throw indexNotFound(
        `cannot find index ${JSON.stringify(index.name ?? index.keyPattern)} for ns ${collection.namespace}`,
      );
    const old = spec.expireAfterSeconds;
    spec.expireAfterSeconds = index.expireAfterSeconds;
    return { expireAfterSeconds_old: old, expireAfterSeconds_new: index.expireAfterSeconds, ok: 1 };
  }
  return { ok: 1 };
};

const dbStats: CommandHandler = (ctx) => {
  const collections = ctx.catalog.collections(ctx.db);
  const objects = collections.reduce((sum, c) => sum + c.size, 0);
  const size = collections.reduce((sum, c) => sum + dataSize(c), 0);
  const indexes = collections.reduce((sum, c) => sum + c.indexSpecs().length, 0);
  return {
    db: ctx.db,
    collections: collections.length,
    views: 0,
    objects,
    avgObjSize: objects ? size / objects : 0,
    dataSize: size,
    storageSize: size,
    indexes,
    indexSize: 0,
    totalSize: size,
    scaleFactor: 1,
    ok: 1,
  };
};

const collStats: CommandHandler = (ctx) => {
  const collection = requireCollection(ctx);
  const size = dataSize(collection);
  const indexSizes = Object.fromEntries(collection.indexSpecs().map((spec) => [spec.name, 0]));
  return {
    ns: collection.namespace,
    count: collection.size,
    size,
    avgObjSize: collection.size ? size / collection.size : 0,
    storageSize: size,
    nindexes: collection.indexSpecs().length,
    totalIndexSize: 0,
    indexSizes,
    capped: false,
    ok: 1,
  };
};

/** Database- and collection-level commands. */
export const catalogCommands: Record<string, CommandHandler> = {
  listDatabases,
  listCollections,
  create,
  drop,
  dropDatabase,
  renameCollection,
  collMod,
  dbStats,
  collStats,
};
