// mongod's E11000 error: its message format, keyPattern and keyValue.
import { ObjectId, Decimal128, Long } from 'bson';
import { isPlainObject, type Doc } from './document-paths.ts';
import { CommandError } from './errors.ts';

/** How mongod prints a key value inside an error message: { name: "x" }, ObjectId('...'). */
export function formatKeyValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof ObjectId) return `ObjectId('${value.toHexString()}')`;
  if (value instanceof Date) return `new Date(${value.getTime()})`;
  if (value instanceof Decimal128) return `${value.toString()}`;
  if (value instanceof Long) return value.toString();
  if (Array.isArray(value)) return '[ ' + value.map(formatKeyValue).join(', ') + ' ]';
  if (isPlainObject(value)) {
    const parts = Object.entries(value).map(([k, v]) => `${k}: ${formatKeyValue(v)}`);
    return parts.length ? `{ ${parts.join(', ')} }` : '{}';
  }
  return String(value);
}

/** The duplicate key error for one document, as mongod words it. */
export function duplicateKeyError(namespace: string, indexName: string, keyPattern: Doc, keyValue: Doc): CommandError {
  const message = `E11000 duplicate key error collection: ${namespace} index: ${indexName} dup key: ${formatKeyValue(keyValue)}`;
  return new CommandError(11000, 'DuplicateKey', message, { keyPattern, keyValue });
}
