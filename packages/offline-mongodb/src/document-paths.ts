// Reading dotted paths ("address.city") out of documents, and copying documents
// so an update can be checked before it replaces the stored one.

export type Doc = Record<string, unknown>;

/** True for plain sub-documents (not arrays, not bson values like ObjectId). */
export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Every value a dotted path reaches, stepping into arrays like mongod does
 * ("tags.name" over an array of objects gives each name). A leaf array is
 * expanded into its elements, which is what multikey indexes and sorts use.
 * Returns [] when the path reaches nothing.
 */
export function valuesAtPath(doc: unknown, path: string): unknown[] {
  const out: unknown[] = [];
  collect(doc, path.split('.'), 0, out);
  return out;
}

function collect(value: unknown, parts: string[], at: number, out: unknown[]): void {
  if (at === parts.length) {
    if (Array.isArray(value)) {
      if (value.length === 0) out.push(undefined);
      else out.push(...value);
    } else out.push(value);
    return;
  }
  if (Array.isArray(value)) {
    const index = /^\d+$/.test(parts[at]) ? Number(parts[at]) : -1;
    if (index >= 0 && index < value.length) collect(value[index], parts, at + 1, out);
    else for (const element of value) if (isPlainObject(element)) collect(element, parts, at, out);
    return;
  }
  if (isPlainObject(value) && parts[at] in value) collect(value[parts[at]], parts, at + 1, out);
}

/** A deep copy of arrays and sub-documents; bson values (immutable) are shared. */
export function cloneDocument<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneDocument) as T;
  if (isPlainObject(value)) {
    const copy: Doc = {};
    for (const key of Object.keys(value)) copy[key] = cloneDocument(value[key]);
    return copy as T;
  }
  return value;
}
