// One secondary index: a Map from the canonical key of the indexed values to the
// documents that hold them, so equality lookups and unique checks are O(1).
import { keyString } from './bson-order.ts';
import { isPlainObject, valuesAtPath, type Doc } from './document-paths.ts';
import { formatKeyValue } from './duplicate-key.ts';
import { CommandError } from './errors.ts';
import { isGeoValue } from './geo-shapes.ts';

/** An index as listIndexes reports it. */
export type IndexSpec = Doc & { v: number; key: Doc; name: string; unique?: boolean; sparse?: boolean };

/** What a search through a collection's indexes reads of it ($text, $near, $geoNear): its index specs and documents. */
export interface IndexedDocuments {
  indexSpecs(): IndexSpec[];
  all(): Iterable<Doc>;
}

const SEPARATOR = '\u0001';

/** A secondary index over one or more fields (compound), possibly unique, sparse or partial. */
export class Index {
  readonly spec: IndexSpec;
  readonly fields: string[];
  readonly unique: boolean;
  /** canonical key → ids (keyString of _id) of the documents with that key */
  private readonly entries = new Map<string, Set<string>>();
  private readonly partial: ((doc: Doc) => boolean) | undefined;

  /** Fields of a 2dsphere index, whose values must be geometries. */
  private readonly geoFields: string[];

  constructor(spec: IndexSpec, partialFilter?: (doc: Doc) => boolean) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.geoFields = this.fields.filter((field) => spec.key[field] === '2dsphere');
    this.unique = spec.unique === true;
    this.partial = partialFilter;
  }

  get name(): string {
    return this.spec.name;
  }

  /** The canonical keys a document has in this index; [] when the index skips it (sparse, partial). */
  keysOf(doc: Doc): string[] {
    if (this.partial && !this.partial(doc)) return [];
    if (this.geoFields.length) for (const field of this.geoFields) checkGeoValue(doc, field);
    const perField = this.fields.map((field) => fieldValues(doc, field));
    if (this.spec.sparse && perField.every((values) => values.length === 0)) return [];
    let keys = [''];
    for (const values of perField) {
      const parts = values.length === 0 ? ['N'] : [...new Set(values.map(keyString))];
      keys = keys.flatMap((prefix) => parts.map((part) => (prefix ? prefix + SEPARATOR + part : part)));
    }
    return keys;
  }

  /** The value of each indexed field in a document, for keyValue in duplicate key errors. */
  keyValueOf(doc: Doc): Doc {
    const out: Doc = {};
    for (const field of this.fields) out[field] = valuesAtPath(doc, field)[0] ?? null;
    return out;
  }

  /** True when another document (not `id`) already holds one of `keys` in this unique index. */
  clashes(keys: string[], id: string): boolean {
    if (!this.unique) return false;
    for (const key of keys) {
      const holders = this.entries.get(key);
      if (holders) for (const holder of holders) if (holder !== id) return true;
    }
    return false;
  }

  add(keys: string[], id: string): void {
    for (const key of keys) {
      let holders = this.entries.get(key);
      if (!holders) this.entries.set(key, (holders = new Set()));
      holders.add(id);
    }
  }

  remove(keys: string[], id: string): void {
    for (const key of keys) {
      const holders = this.entries.get(key);
      if (!holders) continue;
      holders.delete(id);
      if (holders.size === 0) this.entries.delete(key);
    }
  }

  /** Ids of documents whose single indexed field equals `value` (ask canAnswer() first). */
  lookup(value: unknown): Set<string> {
    return this.entries.get(keyString(value)) ?? new Set();
  }

  /** Whether lookup() can answer equality on `field` completely. */
  canAnswer(field: string): boolean {
    return (
      this.fields.length === 1 &&
      this.fields[0] === field &&
      !this.partial &&
      !this.spec.sparse &&
      isPlainKey(this.spec.key[field])
    );
  }
}

// Most indexed fields are plain top-level scalars: skip the dotted-path walker for them.
function fieldValues(doc: Doc, field: string): unknown[] {
  if (field.includes('.')) return valuesAtPath(doc, field);
  const value = doc[field];
  if (value === undefined) return [];
  return Array.isArray(value) ? valuesAtPath(doc, field) : [value];
}

function isPlainKey(direction: unknown): boolean {
  return (
    typeof direction === 'number' || (typeof direction === 'object' && direction !== null && 'toNumber' in direction)
  );
}

// mongod refuses to store what a 2dsphere index cannot read as a geometry.
function checkGeoValue(doc: Doc, field: string): void {
  const value = field.split('.').reduce<unknown>((at, key) => (isPlainObject(at) ? at[key] : undefined), doc);
  if (value === undefined || value === null || isGeoValue(value)) return;
  throw new CommandError(
    16755,
    'Location16755',
    `Can't extract geo keys: ${formatKeyValue(doc)}  Point must only contain numeric elements`,
  );
}
