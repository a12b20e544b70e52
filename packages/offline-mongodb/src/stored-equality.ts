// Whether an update changed a document: mongod calls an update a no-op only when the
// stored bytes stay the same, so 1 → 1.5, a field moved, or a Binary's subtype all count.
import { Binary, Decimal128, Double, Int32, Long, ObjectId, Timestamp } from 'bson';
import { isPlainObject } from './document-paths.ts';
import { keyString } from './bson-order.ts';

/** True when the two values would be stored as the same BSON. */
export function sameStoredValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameStoredValue(x, b[i]));
  if (isPlainObject(a)) return isPlainObject(b) && sameFields(a, b);
  if (a.constructor !== b.constructor) return false;
  if (a instanceof Date) return a.getTime() === (b as Date).getTime();
  if (a instanceof ObjectId) return a.equals(b as ObjectId);
  if (a instanceof Binary) {
    const other = b as Binary;
    return a.sub_type === other.sub_type && Buffer.compare(a.value(), other.value()) === 0;
  }
  if (a instanceof Long || a instanceof Timestamp) return a.equals(b as Long);
  if (a instanceof Double || a instanceof Int32) return Object.is(a.value, (b as Double).value);
  if (a instanceof Decimal128) return a.toString() === (b as Decimal128).toString();
  if (a instanceof RegExp) return a.source === (b as RegExp).source && a.flags === (b as RegExp).flags;
  return keyString(a) === keyString(b);
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a).filter((key) => a[key] !== undefined);
  const others = Object.keys(b).filter((key) => b[key] !== undefined);
  return keys.length === others.length && keys.every((key, i) => key === others[i] && sameStoredValue(a[key], b[key]));
}
