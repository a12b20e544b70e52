// What a request did to the database: the collections are read before and after it
// through the native driver, and only the differences are kept: collections created or
// dropped, documents inserted, updated or deleted.
import type { Connection } from 'mongoose';
import { formatValue, wrapLine } from './document-format.ts';
import type { Paint } from '../terminal/terminal.ts';
import type { Language } from '../progress/progress-store.ts';
import { logWords, type LogWords } from './log-words.ts';
import { ownReadComment } from './query-log.ts';

type Db = NonNullable<Connection['db']>;
type Document = Record<string, unknown> & { _id?: unknown };

/** Documents per collection, keyed by their _id. */
export type Snapshot = Map<string, Map<string, { doc: Document; json: string }>>;

type Change =
  | { kind: 'created'; collection: string }
  | { kind: 'dropped'; collection: string }
  | { kind: 'inserted'; collection: string; doc: Document }
  | { kind: 'deleted'; collection: string; doc: Document }
  | { kind: 'updated'; collection: string; before: Document; after: Document };

// A learning database is small; the cap keeps a runaway insert loop from flooding memory.
const maxDocsPerCollection = 1000;

function idKey(doc: Document): string {
  const id = doc._id as { toHexString?: () => string } | null | undefined;
  if (id && typeof id === 'object' && typeof id.toHexString === 'function') return id.toHexString();
  return JSON.stringify(id ?? null);
}

/**
 * Reads every collection of the database (up to a cap each). Its commands carry the log's own
 * comment, so the request log leaves them out: the app did not send them.
 */
export async function snapshotDatabase(db: Db): Promise<Snapshot> {
  const snapshot: Snapshot = new Map();
  const comment = ownReadComment;
  const collections = await db.listCollections({}, { nameOnly: true, comment }).toArray();
  for (const { name } of collections) {
    if (name.startsWith('system.')) continue;
    const docs = await db.collection(name).find({}, { comment }).limit(maxDocsPerCollection).toArray();
    snapshot.set(name, new Map(docs.map((doc) => [idKey(doc), { doc, json: JSON.stringify(doc) }])));
  }
  return snapshot;
}

/** The documents that appeared, changed or disappeared between two snapshots. */
export function compareSnapshots(before: Snapshot, after: Snapshot): Change[] {
  const changes: Change[] = [];
  const names = new Set([...before.keys(), ...after.keys()]);
  for (const collection of [...names].sort()) {
    // MongoDB makes a collection on its first insert: worth seeing happen.
    if (!before.has(collection)) changes.push({ kind: 'created', collection });
    if (!after.has(collection)) changes.push({ kind: 'dropped', collection });
    const old = before.get(collection) ?? new Map();
    const now = after.get(collection) ?? new Map();
    for (const [key, entry] of now) {
      const previous = old.get(key);
      if (!previous) changes.push({ kind: 'inserted', collection, doc: entry.doc });
      else if (previous.json !== entry.json)
        changes.push({ kind: 'updated', collection, before: previous.doc, after: entry.doc });
    }
    for (const [key, entry] of old) if (!now.has(key)) changes.push({ kind: 'deleted', collection, doc: entry.doc });
  }
  return changes;
}

/** The fields of an update, as `field: old → new` (only those that changed). */
function changedFields(before: Document, after: Document, words: LogWords): string {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const parts: string[] = [];
  for (const key of keys) {
    if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
    if (!(key in before)) parts.push(`${key}: + ${formatValue(after[key])}`);
    else if (!(key in after)) parts.push(`${key}: ${words.fieldRemoved(formatValue(before[key]))}`);
    else parts.push(`${key}: ${formatValue(before[key])} → ${formatValue(after[key])}`);
  }
  return parts.join(', ');
}

/**
 * The changes as lines: "+ inserted", "~ updated", "- deleted", one per document, folded
 * between words to `width` (later lines start with `indent` and two spaces), said in `language`.
 */
export function formatChanges(
  changes: Change[],
  paint: Paint,
  width: number,
  indent = '',
  language: Language = 'en',
): string[] {
  const words = logWords(language);
  const fold = (text: string) => wrapLine(text, width, `${indent}  `);
  return changes.map((change) => {
    if (change.kind === 'created') return paint('green', `+ ${words.collectionCreated(change.collection)}`);
    if (change.kind === 'dropped') return paint('red', `- ${words.collectionDropped(change.collection)}`);
    if (change.kind === 'inserted')
      return paint('green', fold(`+ ${words.inserted(change.collection, formatValue(change.doc))}`));
    if (change.kind === 'deleted')
      return paint('red', fold(`- ${words.deleted(change.collection, formatValue(change.doc))}`));
    const fields = changedFields(change.before, change.after, words);
    return paint('yellow', fold(`~ ${words.updated(change.collection, formatValue(change.after._id), fields)}`));
  });
}
