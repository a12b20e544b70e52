// One update statement in two steps: planning works out every new document without
// touching the collection (so it may be stopped at any point), then applying writes them.
import type { Collection } from './collection.ts';
import { checkUpdated } from './document-limits.ts';
import type { Doc } from './document-paths.ts';
import type { WriteCheck } from './document-validation.ts';
import { sameStoredValue } from './stored-equality.ts';
import type { TimeLimit } from './time-limit.ts';
import { applyUpdate, updateKind, upsertSeed, withIdFirst } from './update-apply.ts';

/** An update statement's arguments. */
interface UpdateStatement {
  q?: Doc;
  u: unknown;
  upsert?: boolean;
  arrayFilters?: Doc[];
  variables?: Doc;
}

/** What one statement will write. */
interface UpdatePlan {
  matched: number;
  /** [stored document, its new version] for each document the update changes. */
  changes: [Doc, Doc][];
  /** The document an upsert inserts. */
  inserted?: Doc;
  /** The new version of every matched document, changed or not (findAndModify returns it). */
  results: Doc[];
}

/** Works out a statement's new documents (read-only) within `time`, each passed through the collection's `check`. */
export function planUpdate(
  matched: Doc[],
  statement: UpdateStatement,
  time: TimeLimit,
  check: WriteCheck = () => {},
): UpdatePlan {
  const kind = updateKind(statement.u);
  const update = statement.u as Doc;
  if (matched.length === 0 && statement.upsert) {
    const seed = upsertSeed(statement.q);
    const inserted = withIdFirst(
      applyUpdate(seed, update, time, { inserting: kind !== 'replacement', variables: statement.variables }),
    );
    checkUpdated(inserted, true);
    check(inserted);
    return { matched: 0, changes: [], inserted, results: [inserted] };
  }
  const changes: [Doc, Doc][] = [];
  const results: Doc[] = [];
  for (const doc of matched) {
    const next = applyUpdate(doc, update, time, {
      filter: statement.q,
      arrayFilters: statement.arrayFilters,
      variables: statement.variables,
    });
    if (!sameStoredValue(next, doc)) {
      checkUpdated(next, false);
      check(next, doc);
      changes.push([doc, next]);
    }
    results.push(next);
  }
  return { matched: matched.length, changes, results };
}

/** Writes a plan; a unique-index clash stops it where it happens, like mongod. */
export function applyPlan(
  collection: Collection,
  plan: UpdatePlan,
): { n: number; nModified: number; upsertedId?: unknown } {
  if (plan.inserted) {
    collection.insert(plan.inserted);
    return { n: 1, nModified: 0, upsertedId: plan.inserted._id };
  }
  let nModified = 0;
  for (const [doc, next] of plan.changes) {
    collection.replace(doc, next);
    nModified++;
  }
  return { n: plan.matched, nModified };
}
