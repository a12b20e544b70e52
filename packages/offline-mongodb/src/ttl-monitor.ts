// TTL indexes: like mongod's TTL monitor, every so often (60 s by default) remove the
// documents whose indexed date is older than the index's expireAfterSeconds.
import type { Catalog } from './catalog.ts';
import type { Collection } from './collection.ts';
import { isPlainObject, valuesAtPath, type Doc } from './document-paths.ts';
import { toNumber } from './bson-order.ts';
import { compileFilter } from './query-engine.ts';

/** Starts removing expired documents every `intervalMs`; returns how to stop. */
export function startTtlMonitor(catalog: Catalog, intervalMs: number): () => void {
  const timer = setInterval(() => removeExpired(catalog, Date.now()), intervalMs);
  // The monitor must not keep a learner's process (or a test) alive on its own.
  timer.unref();
  return () => clearInterval(timer);
}

/** Removes every expired document now; returns how many. */
function removeExpired(catalog: Catalog, now: number): number {
  let removed = 0;
  for (const dbName of catalog.databaseNames())
    for (const collection of catalog.collections(dbName)) removed += expireIn(collection, now);
  return removed;
}

function expireIn(collection: Collection, now: number): number {
  let removed = 0;
  for (const spec of collection.indexSpecs()) {
    const fields = Object.keys(spec.key);
    // mongod expires only through single-field indexes.
    if (spec.expireAfterSeconds === undefined || fields.length !== 1) continue;
    const cutoff = now - toNumber(spec.expireAfterSeconds) * 1000;
    const partial = isPlainObject(spec.partialFilterExpression)
      ? compileFilter(spec.partialFilterExpression)
      : () => true;
    const expired: Doc[] = [];
    for (const doc of collection.all()) if (partial(doc) && expiresBefore(doc, fields[0], cutoff)) expired.push(doc);
    for (const doc of expired) collection.remove(doc);
    removed += expired.length;
  }
  return removed;
}

// A document expires by its indexed date, or the earliest date of an array there; other values never expire.
function expiresBefore(doc: Doc, field: string, cutoff: number): boolean {
  const dates = valuesAtPath(doc, field).filter((value): value is Date => value instanceof Date);
  return dates.length > 0 && Math.min(...dates.map((date) => date.getTime())) < cutoff;
}
