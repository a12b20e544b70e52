// MongoDB's BSON comparison order, which mingo does not know for bson classes
// (it compares Decimal128 and Long as strings). Used for sorting, range queries,
// equality across numeric types, and index keys.
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp, MinKey, MaxKey, BSONSymbol } from 'bson';

/** Rank of a value's type in MongoDB's cross-type order (lower sorts first). */
export function typeRank(value: unknown): number {
  if (value === undefined || value === null) return 2;
  switch (typeof value) {
    case 'number':
    case 'bigint':
      return 3;
    case 'string':
      return 4;
    case 'boolean':
      return 9;
  }
  if (Array.isArray(value)) return 6;
  if (value instanceof Date) return 10;
  if (value instanceof RegExp) return 12;
  if (value instanceof ObjectId) return 8;
  if (value instanceof Binary || ArrayBuffer.isView(value)) return 7;
  if (isNumberLike(value)) return 3;
  if (value instanceof BSONSymbol) return 4;
  if (value instanceof Timestamp) return 11;
  if (value instanceof MinKey) return 1;
  if (value instanceof MaxKey) return 13;
  const tag = (value as { _bsontype?: string })._bsontype;
  if (tag === 'BSONRegExp') return 12;
  return 5;
}

function isNumberLike(value: unknown): boolean {
  return value instanceof Long || value instanceof Decimal128 || value instanceof Int32 || value instanceof Double;
}

/** Any BSON number as a JS number (precision loss beyond 2^53 is accepted). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Long) return value.toNumber();
  if (value instanceof Decimal128) return Number.parseFloat(value.toString());
  if (value instanceof Int32 || value instanceof Double) return value.value;
  return Number.NaN;
}

function compareNumbers(a: unknown, b: unknown): number {
  // Two int64s are compared exactly; everything else as doubles, NaN lowest like mongod.
  if (a instanceof Long && b instanceof Long) return a.compare(b);
  const x = toNumber(a);
  const y = toNumber(b);
  if (Number.isNaN(x)) return Number.isNaN(y) ? 0 : -1;
  if (Number.isNaN(y)) return 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const size = Math.min(a.length, b.length);
  for (let i = 0; i < size; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

/** Orders two strings; a collation (see collation.ts) supplies a language-aware one. */
export type StringOrder = (a: string, b: string) => number;

/** Compares two BSON values the way mongod orders them: -1, 0 or 1. */
export function compareBson(a: unknown, b: unknown, strings: StringOrder = compareStrings): number {
  const rankA = typeRank(a);
  const rankB = typeRank(b);
  if (rankA !== rankB) return rankA < rankB ? -1 : 1;
  switch (rankA) {
    case 2:
    case 1:
    case 13:
      return 0;
    case 3:
      return compareNumbers(a, b);
    case 4:
      return sign(strings(String(a), String(b)));
    case 5:
      return compareObjects(a as Record<string, unknown>, b as Record<string, unknown>, strings);
    case 6:
      return compareArrays(a as unknown[], b as unknown[], strings);
    case 7:
      return compareBinary(a, b);
    case 8:
      return compareBytes((a as ObjectId).id, (b as ObjectId).id);
    case 9:
      return a === b ? 0 : a ? 1 : -1;
    case 10:
      return sign((a as Date).getTime() - (b as Date).getTime());
    case 11:
      return (a as Timestamp).compare(b as Timestamp);
    default:
      return compareStrings(String(a), String(b));
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareBinary(a: unknown, b: unknown): number {
  const x = a instanceof Binary ? a : new Binary(a as Uint8Array);
  const y = b instanceof Binary ? b : new Binary(b as Uint8Array);
  // mongod orders binary by length, then subtype, then bytes.
  if (x.position !== y.position) return x.position < y.position ? -1 : 1;
  if (x.sub_type !== y.sub_type) return x.sub_type < y.sub_type ? -1 : 1;
  return sign(compareBytes(x.buffer.subarray(0, x.position), y.buffer.subarray(0, y.position)));
}

function compareArrays(a: unknown[], b: unknown[], strings: StringOrder): number {
  const size = Math.min(a.length, b.length);
  for (let i = 0; i < size; i++) {
    const order = compareBson(a[i], b[i], strings);
    if (order) return order;
  }
  return sign(a.length - b.length);
}

function compareObjects(a: Record<string, unknown>, b: Record<string, unknown>, strings: StringOrder): number {
  const keysA = Object.keys(a).filter((k) => a[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => b[k] !== undefined);
  const size = Math.min(keysA.length, keysB.length);
  for (let i = 0; i < size; i++) {
    const rank = typeRank(a[keysA[i]]) - typeRank(b[keysB[i]]);
    if (rank) return sign(rank);
    const name = compareStrings(keysA[i], keysB[i]);
    if (name) return name;
    const value = compareBson(a[keysA[i]], b[keysB[i]], strings);
    if (value) return value;
  }
  return sign(keysA.length - keysB.length);
}

/** True when mongod would call the two values equal (1, 1.0, Long(1) and Decimal128("1") are). */
export function equalsBson(a: unknown, b: unknown, strings?: StringOrder): boolean {
  return compareBson(a, b, strings) === 0;
}

/**
 * A string that is equal for exactly the values mongod treats as equal, so a Map
 * keyed by it can serve as an index. Numbers of any BSON type share one form.
 */
export function keyString(value: unknown): string {
  if (value === undefined || value === null) return 'N';
  switch (typeof value) {
    case 'string':
      return 's' + value;
    case 'number':
      return 'n' + (value === 0 ? 0 : value);
    case 'boolean':
      return value ? 'T' : 'F';
    case 'bigint':
      return 'n' + Number(value);
  }
  if (value instanceof ObjectId) return 'o' + value.toHexString();
  if (value instanceof Date) return 'd' + value.getTime();
  if (Array.isArray(value)) return '[' + value.map(keyString).join(',') + ']';
  if (isNumberLike(value)) return 'n' + (toNumber(value) || 0);
  if (value instanceof Binary)
    return 'b' + value.sub_type + ':' + Buffer.from(value.buffer.subarray(0, value.position)).toString('base64');
  if (value instanceof RegExp) return 'r' + value.source + '/' + value.flags;
  if (typeRank(value) === 5) {
    const record = value as Record<string, unknown>;
    return (
      '{' +
      Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .map((k) => JSON.stringify(k) + ':' + keyString(record[k]))
        .join(',') +
      '}'
    );
  }
  return 'x' + typeRank(value) + String(value);
}
