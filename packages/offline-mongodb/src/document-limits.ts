// mongod's limits on what a document may be once stored: 16 MB of BSON and 180 levels of
// nesting, refused with the code and message of the write path that would break them.
import { calculateObjectSize } from 'bson';
import { isPlainObject, type Doc } from './document-paths.ts';
import { badValue, CommandError } from './errors.ts';
import { MAX_BSON_BYTES } from './wire-protocol.ts';

/** mongod's maxBSONDepth (200) less the 20 levels it keeps for its own wrapping. */
const MAX_STORED_DEPTH = 180;

// mongod accepts a BSON object up to 16 KB past the limit before calling the bytes invalid.
const INTERNAL_BSON_BYTES = MAX_BSON_BYTES + 16 * 1024;

// Each level of nesting takes at least 7 bytes (type, empty name, length, terminator): a smaller
// document cannot be too deep, and most inserts skip the walk.
const SMALLEST_TOO_DEEP = 7 * MAX_STORED_DEPTH;

/** Refuses a document to insert, whose encoded size is `size` when known (else measured if it may be large). */
export function checkInsertable(doc: Doc, size?: number): void {
  if (size !== undefined) checkInsertSize(size);
  if ((size === undefined || size >= SMALLEST_TOO_DEEP) && nestsDeeper(doc, 1))
    throw overflow(`cannot insert document because it exceeds ${MAX_STORED_DEPTH} levels of nesting`);
}

/** mongod's two refusals: past its 16 KB of slack the BSON itself is invalid; up to there, the insert is refused. */
function checkInsertSize(size: number): void {
  if (size > INTERNAL_BSON_BYTES) throw bsonTooLarge(size);
  if (size > MAX_BSON_BYTES)
    throw badValue(`object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_BYTES}`);
}

/** Refuses a document to send back (a result an aggregation built) that is past mongod's 16 MB and its slack. */
export function checkReturnable(size: number): void {
  if (size > INTERNAL_BSON_BYTES) throw bsonTooLarge(size);
}

/** mongod's BSONObjectTooLarge (10334), for `size` bytes that are past its limit. */
export function bsonTooLarge(size: number): CommandError {
  const message = `BSONObj size: ${size} (0x${size.toString(16).toUpperCase()}) is invalid. Size must be between 0 and ${INTERNAL_BSON_BYTES}(16MB)`;
  return new CommandError(10334, 'BSONObjectTooLarge', message);
}

/** Refuses the result of an update (or the document an upsert would insert) that mongod would not store. */
export function checkUpdated(doc: Doc, upsert: boolean): void {
  if (nestsDeeper(doc, 1)) throw overflow(`Document exceeds maximum nesting depth of ${MAX_STORED_DEPTH}`);
  if (calculateObjectSize(doc) <= MAX_BSON_BYTES) return;
  if (upsert) throw new CommandError(17420, 'Location17420', `Document to upsert is larger than ${MAX_BSON_BYTES}`);
  throw new CommandError(17419, 'Location17419', `Resulting document after update is larger than ${MAX_BSON_BYTES}`);
}

function overflow(message: string): CommandError {
  return new CommandError(15, 'Overflow', message);
}

// Empty documents and arrays do not count as a level, as in mongod. Loops without
// allocating: this runs for every inserted document.
function nestsDeeper(value: Doc | unknown[], depth: number): boolean {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (deeperChild(value[i], depth)) return true;
    return false;
  }
  for (const key in value) if (deeperChild(value[key], depth)) return true;
  return false;
}

function deeperChild(child: unknown, depth: number): boolean {
  if (child === null || typeof child !== 'object') return false;
  const nested = Array.isArray(child) ? child.length > 0 : isPlainObject(child) && hasKeys(child);
  if (!nested) return false;
  return depth + 1 > MAX_STORED_DEPTH || nestsDeeper(child as Doc | unknown[], depth + 1);
}

function hasKeys(doc: Doc): boolean {
  for (const _ in doc) return true;
  return false;
}
