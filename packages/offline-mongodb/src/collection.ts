// One collection: its documents in insertion order, keyed by _id, plus its indexes.
// Every write goes through here so unique indexes are always enforced.
import { ObjectId, UUID } from 'bson';
import { keyString } from './bson-order.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { duplicateKeyError } from './duplicate-key.ts';
import { CommandError } from './errors.ts';
import { Index, type IndexedDocuments, type IndexSpec } from './index-store.ts';
import { compileFilter, scopeOptions, type QueryScope } from './query-engine.ts';
import { TimeLimit } from './time-limit.ts';
import { runTextSearch, takeTextClause } from './text-search.ts';
import { nearestDocuments, takeNearClause } from './geo-query.ts';

const ID_INDEX: IndexSpec = { v: 2, key: { _id: 1 }, name: '_id_' };

/** An in-memory collection with mongod's _id and unique-index rules. */
export class Collection implements IndexedDocuments {
  readonly dbName: string;
  name: string;
  readonly uuid = new UUID();
  options: Doc;
  /** keyString(_id) → document; Map order is natural (insertion) order. */
  private readonly docs = new Map<string, Doc>();
  private readonly indexes = new Map<string, Index>();

  constructor(dbName: string, name: string, options: Doc = {}) {
    this.dbName = dbName;
    this.name = name;
    this.options = options;
  }

  get namespace(): string {
    return `${this.dbName}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  /** Every document in natural order (the live objects: callers must not mutate them). */
  all(): IterableIterator<Doc> {
    return this.docs.values();
  }

  /** Documents matching `filter`, using an index for top-level equality when one fits. */
  find(query: Doc | undefined, time: TimeLimit, limit = 0, scope: QueryScope = {}): Doc[] {
    // A $text clause picks (and scores) its documents through the text index, a $near clause
    // picks them nearest first through a geo index; the rest of the filter filters them.
    const { text, rest: withoutText } = takeTextClause(query);
    const { near, rest: filter } = takeNearClause(withoutText);
    const texts =
      text !== undefined
        ? runTextSearch(this, text, time).keys()
        : near
          ? nearestDocuments(this, near).map(([doc]) => doc)
          : undefined;
    const test = compileFilter(filter, scopeOptions(scope));
    const out: Doc[] = [];
    // Index keys compare strings exactly, so a collation needs a full scan.
    let steps = 0;
    for (const doc of texts ?? (scope.collation ? this.docs.values() : this.candidates(filter))) {
      // A scan step costs a few nanoseconds: calling check() for each measurably slowed finds.
      if ((++steps & 15) === 0) time.check();
      if (!test(doc)) continue;
      out.push(doc);
      if (limit && out.length >= limit) break;
    }
    return out;
  }

  private candidates(filter: Doc | undefined): Iterable<Doc> {
    if (!filter) return this.docs.values();
    let best: Set<string> | undefined;
    for (const [field, wanted] of equalityFields(filter)) {
      let ids: Set<string> | undefined;
      if (field === '_id') {
        const id = keyString(wanted);
        ids = new Set(this.docs.has(id) ? [id] : []);
      } else for (const index of this.indexes.values()) if (index.canAnswer(field)) ids = index.lookup(wanted);
      if (ids && (!best || ids.size < best.size)) best = ids;
    }
    if (!best) return this.docs.values();
    const docs = this.docs;
    const ids = [...best];
    // Keep natural order among index hits so results match a collection scan.
    if (ids.length > 1) {
      const order = new Map([...docs.keys()].map((key, i) => [key, i]));
      ids.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    }
    return ids.map((id) => docs.get(id)).filter((doc): doc is Doc => doc !== undefined);
  }

  /** Adds a document (an ObjectId _id is generated and placed first when missing). */
  insert(input: Doc): Doc {
    const doc = input._id === undefined ? { _id: new ObjectId(), ...input } : input;
    const id = keyString(doc._id);
    if (this.docs.has(id)) throw duplicateKeyError(this.namespace, '_id_', { _id: 1 }, { _id: doc._id });
    const keys = this.checkUnique(doc, id);
    this.docs.set(id, doc);
    this.addKeys(keys, id);
    return doc;
  }

  /** Swaps a stored document for its updated version, keeping its place and _id. */
  replace(oldDoc: Doc, newDoc: Doc): void {
    const id = keyString(oldDoc._id);
    const keys = this.checkUnique(newDoc, id);
    this.removeKeys(oldDoc, id);
    this.docs.set(id, newDoc);
    this.addKeys(keys, id);
  }

  remove(doc: Doc): void {
    const id = keyString(doc._id);
    this.removeKeys(doc, id);
    this.docs.delete(id);
  }

  private checkUnique(doc: Doc, id: string): Map<Index, string[]> {
    const keys = new Map<Index, string[]>();
    for (const index of this.indexes.values()) {
      const indexKeys = index.keysOf(doc);
      if (index.clashes(indexKeys, id)) {
        throw duplicateKeyError(this.namespace, index.name, index.spec.key, index.keyValueOf(doc));
      }
      keys.set(index, indexKeys);
    }
    return keys;
  }

  private addKeys(keys: Map<Index, string[]>, id: string): void {
    for (const [index, indexKeys] of keys) index.add(indexKeys, id);
  }

  private removeKeys(doc: Doc, id: string): void {
    for (const index of this.indexes.values()) index.remove(index.keysOf(doc), id);
  }

  /** Index specs as listIndexes returns them, the _id index first. */
  indexSpecs(): IndexSpec[] {
    const clustered = this.options.clusteredIndex;
    const idIndex = isPlainObject(clustered) ? { ...(clustered as IndexSpec), clustered: true } : ID_INDEX;
    return [idIndex, ...[...this.indexes.values()].map((index) => index.spec)];
  }

  findIndex(nameOrKey: unknown): IndexSpec | undefined {
    return this.indexSpecs().find((spec) =>
      typeof nameOrKey === 'string' ? spec.name === nameOrKey : keyString(spec.key) === keyString(nameOrKey),
    );
  }

  /**
   * Builds an index over the existing documents, within `time` (none needed for an empty
   * collection); fails like mongod if a unique one meets duplicates.
   */
  createIndex(spec: IndexSpec, time = TimeLimit.none()): void {
    const partial = isPlainObject(spec.partialFilterExpression)
      ? compileFilter(spec.partialFilterExpression)
      : undefined;
    const index = new Index(spec, partial);
    for (const [id, doc] of this.docs) {
      time.check();
      const keys = index.keysOf(doc);
      if (index.clashes(keys, id)) {
        const dup = duplicateKeyError(this.namespace, index.name, spec.key, index.keyValueOf(doc));
        throw new CommandError(
          11000,
          'DuplicateKey',
          `Index build failed: ${this.uuid.toHexString()}: Collection ${this.namespace} ( ${this.uuid.toHexString()} ) :: caused by :: ${dup.message}`,
          dup.extra,
        );
      }
      index.add(keys, id);
    }
    this.indexes.set(spec.name, index);
  }

  dropIndex(name: string): void {
    this.indexes.delete(name);
  }
}

/** Top-level `field: value` and `field: {$eq: value}` pairs an index can answer, including inside $and. */
function* equalityFields(filter: Doc): Generator<[string, unknown]> {
  for (const [field, value] of Object.entries(filter)) {
    if (field === '$and' && Array.isArray(value)) {
      for (const part of value) if (isPlainObject(part)) yield* equalityFields(part);
      continue;
    }
    if (field.startsWith('$')) continue;
    const wanted = isPlainObject(value) && Object.keys(value).length === 1 && '$eq' in value ? value.$eq : value;
    if (isIndexable(wanted)) yield [field, wanted];
  }
}

// null matches missing fields and arrays match element-wise or whole: leave those to a scan.
function isIndexable(value: unknown): boolean {
  if (value === null || value === undefined || Array.isArray(value) || value instanceof RegExp) return false;
  if (isPlainObject(value)) return !Object.keys(value).some((key) => key.startsWith('$'));
  return true;
}
