// Open cursors: results a client has not fetched yet, handed out in batches by getMore.
import { BSON, Long } from 'bson';
import { checkReturnable } from './document-limits.ts';
import type { Doc } from './document-paths.ts';
import type { CommandError } from './errors.ts';
import { MAX_BSON_BYTES } from './wire-protocol.ts';

const DEFAULT_FIRST_BATCH = 101;
// mongod's cursorTimeoutMillis: a cursor nobody has asked for in 10 minutes is closed.
const IDLE_CURSOR_MS = 10 * 60_000;
// Leave room for the reply's envelope around the batch.
const BATCH_BYTES = MAX_BSON_BYTES - 64 * 1024;

interface OpenCursor {
  namespace: string;
  docs: Doc[];
  position: number;
  lastUsed: number;
  /** Why the cursor's collection is gone: its next getMore fails with this. */
  ended?: CommandError;
}

/** The cursor registry for one stand-in server. */
export class Cursors {
  private readonly open = new Map<string, OpenCursor>();
  private nextId = 1_000_000 + Math.floor(Math.random() * 1_000_000);
  private lastSweep = Date.now();
  private opened = 0;

  /** The first-batch reply of a find/aggregate/list command, keeping the rest for getMore. */
  firstBatch(namespace: string, docs: Doc[], batchSize: number | undefined, singleBatch = false): Doc {
    this.closeIdle();
    const cursor: OpenCursor = { namespace, docs, position: 0, lastUsed: Date.now() };
    const batch = takeBatch(cursor, batchSize ?? DEFAULT_FIRST_BATCH);
    let id = Long.ZERO;
    if (!singleBatch && cursor.position < docs.length) {
      id = Long.fromNumber(this.nextId++);
      this.open.set(id.toString(), cursor);
    }
    return { cursor: { firstBatch: batch, id, ns: namespace }, ok: 1 };
  }

  /** The next batch of an open cursor, or undefined when the id is unknown. */
  getMore(id: Long, batchSize: number | undefined): Doc | undefined {
    const cursor = this.open.get(id.toString());
    if (!cursor) return undefined;
    if (cursor.ended) {
      this.open.delete(id.toString());
      throw cursor.ended;
    }
    cursor.lastUsed = Date.now();
    let batch: Doc[];
    try {
      batch = takeBatch(cursor, batchSize ?? 0);
    } catch (error) {
      // mongod kills a cursor whose next result cannot be sent.
      this.open.delete(id.toString());
      throw error;
    }
    const done = cursor.position >= cursor.docs.length;
    if (done) this.open.delete(id.toString());
    return { cursor: { nextBatch: batch, id: done ? Long.ZERO : id, ns: cursor.namespace }, ok: 1 };
  }

  /**
   * Ends the cursors over a collection that went (dropped, or renamed), as mongod does: the next
   * getMore of each fails with `error`, and the cursor is gone after it.
   */
  endOver(namespace: string, error: CommandError): void {
    for (const cursor of this.open.values()) if (cursor.namespace === namespace) cursor.ended ??= error;
  }

  /** Closes cursors; returns which ids existed. */
  kill(ids: Long[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.open.delete(id.toString()) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  // Checked every 64 cursors opened, at most once a minute, rather than by a timer of its own.
  private closeIdle(): void {
    if (++this.opened % 64 !== 0) return;
    const now = Date.now();
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [id, cursor] of this.open) if (now - cursor.lastUsed > IDLE_CURSOR_MS) this.open.delete(id);
  }
}

function takeBatch(cursor: OpenCursor, batchSize: number): Doc[] {
  const limit = batchSize > 0 ? Math.min(cursor.docs.length, cursor.position + batchSize) : cursor.docs.length;
  const batch: Doc[] = [];
  let bytes = 0;
  while (cursor.position < limit) {
    const doc = cursor.docs[cursor.position];
    const size = BSON.calculateObjectSize(doc);
    // Stored documents cannot be this large, but one an aggregation builds ($lookup, $push) can.
    checkReturnable(size);
    bytes += size;
    if (bytes > BATCH_BYTES && batch.length > 0) break;
    batch.push(doc);
    cursor.position++;
  }
  return batch;
}
