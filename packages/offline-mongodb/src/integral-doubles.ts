// A BSON double with an integral value (5.0) decodes to the JavaScript number 5, which
// encodes back as an int32: the stand-in would hand back a different type than it was
// given. This finds such doubles in the raw bytes of what is stored (inserted documents,
// update values) so they can be kept as bson Double objects. The scan reads only type
// bytes and lengths, so an ordinary document costs little.
import { Double, Int32 } from 'bson';
import { isPlainObject, type Doc } from './document-paths.ts';

/** Paths (as keys) of the integral doubles in the BSON document at `start` of `bytes`. */
function integralDoublePaths(bytes: Uint8Array, start = 0): string[][] {
  const found: string[][] = [];
  scan(bytes, start, [], found);
  return found;
}

const int32 = (bytes: Uint8Array, at: number) =>
  bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);

// Fixed value sizes by type byte (-1: a length-prefixed value, 0 for none; see valueLength).
const FIXED: number[] = [];
for (const [type, size] of [
  [0x07, 12],
  [0x08, 1],
  [0x09, 8],
  [0x10, 4],
  [0x11, 8],
  [0x12, 8],
  [0x13, 16],
])
  FIXED[type] = size;

// `path` holds [from, to) byte ranges of the names on the way; they are decoded only for a find.
function scan(bytes: Uint8Array, start: number, path: number[], found: string[][]): void {
  const end = start + int32(bytes, start) - 1;
  let at = start + 4;
  while (at < end) {
    const type = bytes[at];
    const nameStart = at + 1;
    let nameEnd = nameStart;
    while (bytes[nameEnd] !== 0) nameEnd++;
    at = nameEnd + 1;
    const fixed = FIXED[type];
    if (fixed !== undefined) at += fixed;
    else if (type === 0x02 || type === 0x0d || type === 0x0e) at += 4 + int32(bytes, at);
    else if (type === 0x01) {
      if (isIntegralDouble(bytes, at)) found.push(names(bytes, [...path, nameStart, nameEnd]));
      at += 8;
    } else if (type === 0x03 || type === 0x04) {
      // Deeper than mongod stores (180 levels) the document is refused anyway: its doubles do not matter.
      if (path.length < 2 * 200) scan(bytes, at, [...path, nameStart, nameEnd], found);
      at += int32(bytes, at);
    } else at += valueLength(type, bytes, at);
  }
}

function isIntegralDouble(bytes: Uint8Array, at: number): boolean {
  const value = new DataView(bytes.buffer, bytes.byteOffset + at, 8).getFloat64(0, true);
  return Number.isInteger(value) && !Object.is(value, -0) && Math.abs(value) <= 2 ** 31 - 1;
}

function names(bytes: Uint8Array, ranges: number[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ranges.length; i += 2)
    out.push(Buffer.from(bytes.buffer, bytes.byteOffset + ranges[i], ranges[i + 1] - ranges[i]).toString('utf8'));
  return out;
}

function valueLength(type: number, bytes: Uint8Array, at: number): number {
  switch (type) {
    case 0x05:
      return 5 + int32(bytes, at);
    case 0x0b: {
      let end = at;
      while (bytes[end] !== 0) end++;
      end++;
      while (bytes[end] !== 0) end++;
      return end + 1 - at;
    }
    case 0x0c:
      return 4 + int32(bytes, at) + 12;
    case 0x0f:
      return int32(bytes, at);
    default:
      return 0; // null, undefined, minKey, maxKey
  }
}

/** Puts a bson Double back at each path (the decoded document holds plain numbers there). */
function keepDoubles(doc: Doc, paths: string[][]): void {
  for (const path of paths) {
    let at: unknown = doc;
    for (const key of path.slice(0, -1)) at = (at as Doc)?.[key];
    const last = path[path.length - 1];
    if ((isPlainObject(at) || Array.isArray(at)) && typeof (at as Doc)[last] === 'number')
      (at as Doc)[last] = new Double((at as Doc)[last] as number);
  }
}

/** A deep copy with bson Double and Int32 objects as plain numbers, for mingo, which knows only numbers. */
export function withPlainNumbers<T>(value: T): T {
  if (value instanceof Double || value instanceof Int32) return value.value as T;
  if (Array.isArray(value)) return value.map(withPlainNumbers) as T;
  if (isPlainObject(value)) {
    const copy: Doc = {};
    for (const key of Object.keys(value)) copy[key] = withPlainNumbers(value[key]);
    return copy as T;
  }
  return value;
}

/** True when a document holds a bson Double or Int32 object anywhere. */
export function holdsNumberObjects(value: unknown): boolean {
  if (value instanceof Double || value instanceof Int32) return true;
  if (Array.isArray(value)) return value.some(holdsNumberObjects);
  if (isPlainObject(value)) {
    for (const key in value) if (holdsNumberObjects(value[key])) return true;
  }
  return false;
}

/**
 * Keeps the integral doubles of what a command stores: inserted documents, and the update
 * or replacement of update and findAndModify (not filters or pipelines, which mingo reads).
 * `where` says what `doc` is: an inserted document, an update statement, or a whole command.
 */
export function keepStoredDoubles(
  doc: Doc,
  bytes: Uint8Array,
  start: number,
  where: 'document' | 'statement' | 'body',
): void {
  if (where === 'body' && !STORING_COMMANDS.has(Object.keys(doc)[0])) return;
  const paths = integralDoublePaths(bytes, start);
  if (paths.length === 0) return;
  keepDoubles(
    doc,
    paths.filter((path) => stored(doc, path, where)),
  );
}

const STORING_COMMANDS = new Set(['insert', 'update', 'findAndModify', 'findandmodify']);

function stored(doc: Doc, path: string[], where: 'document' | 'statement' | 'body'): boolean {
  if (where === 'document') return true;
  if (where === 'statement') return path[0] === 'u' && isPlainObject(doc.u);
  const command = Object.keys(doc)[0];
  if (command === 'insert') return path[0] === 'documents';
  if (command === 'update')
    return path[0] === 'updates' && path[2] === 'u' && isPlainObject((doc.updates as Doc[])?.[Number(path[1])]?.u);
  if (command === 'findAndModify' || command === 'findandmodify')
    return path[0] === 'update' && isPlainObject(doc.update);
  return false;
}
