// The paths of an update ("tags.0", "children.$.name", "grades.$[g].score"): mongod's
// checks on them, and turning their positional parts into the array indexes they mean.
import { isPlainObject, type Doc } from './document-paths.ts';
import { badValue, CommandError, failedToParse } from './errors.ts';
import { compileFilter } from './query-engine.ts';

/** One operator applied at one path. */
interface UpdateTarget {
  operator: string;
  path: string;
  parts: string[];
  argument: unknown;
}

/** What positional parts are resolved against: the update's filter and arrayFilters. */
interface PositionalScope {
  filter?: Doc;
  arrayFilters?: Map<string, (element: unknown) => boolean>;
  /** Identifiers of arrayFilters used so far, to refuse unused ones as mongod does. */
  used?: Set<string>;
}

/** Splits and checks every path of a modifier update, refusing empty parts and overlaps like mongod. */
export function updateTargets(modifier: Doc): UpdateTarget[] {
  const targets: UpdateTarget[] = [];
  for (const [operator, fields] of Object.entries(modifier)) {
    for (const [path, argument] of Object.entries(fields as Doc)) {
      if (path === '') throw new CommandError(56, 'EmptyFieldName', 'An empty update path is not valid.');
      const parts = path.split('.');
      if (parts.includes(''))
        throw new CommandError(
          56,
          'EmptyFieldName',
          `The update path '${path}' contains an empty field name, which is not allowed.`,
        );
      if (parts.filter((part) => part === '$').length > 1)
        throw badValue(`Too many positional (i.e. '$') elements found in path '${path}'`);
      if (parts[0].startsWith('$') && !isPositional(parts[0]))
        throw new CommandError(
          52,
          'DollarPrefixedFieldName',
          `The dollar ($) prefixed field '${parts[0]}' in '${path}' is not allowed in the context of an update's replacement document. Consider using an aggregation pipeline with $replaceWith.`,
        );
      for (const earlier of targets) checkConflict(earlier, parts, path);
      targets.push({ operator, path, parts, argument });
    }
  }
  // mongod keeps an update's paths in a tree ordered by field name, so new fields are created in that order.
  return targets.sort((a, b) => comparePaths(a.parts, b.parts));
}

function checkConflict(earlier: UpdateTarget, parts: string[], path: string): void {
  const shorter = Math.min(earlier.parts.length, parts.length);
  for (let i = 0; i < shorter; i++) if (earlier.parts[i] !== parts[i]) return;
  const at = (earlier.parts.length <= parts.length ? earlier.parts : parts).join('.');
  throw new CommandError(
    40,
    'ConflictingUpdateOperators',
    `Updating the path '${path}' would create a conflict at '${at}'`,
  );
}

function comparePaths(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

/** True for "$", "$[]" and "$[identifier]". */
function isPositional(part: string): boolean {
  return part === '$' || (part.startsWith('$[') && part.endsWith(']'));
}

/** Compiles each arrayFilter, keyed by its identifier; mongod's errors for malformed ones. */
export function compileArrayFilters(arrayFilters: Doc[] | undefined): Map<string, (element: unknown) => boolean> {
  const compiled = new Map<string, (element: unknown) => boolean>();
  for (const filter of arrayFilters ?? []) {
    if (!isPlainObject(filter) || Object.keys(filter).length === 0)
      throw failedToParse('Cannot use an expression without a top-level field name in arrayFilters');
    const ids = new Set(Object.keys(filter).map((key) => key.split('.')[0]));
    if (ids.size !== 1)
      throw failedToParse(
        `Error parsing array filter :: caused by :: Expected a single top-level field name, found '${[...ids].join("' and '")}'`,
      );
    const [id] = ids;
    if (compiled.has(id)) throw failedToParse(`Found multiple array filters with the same top-level field name ${id}`);
    const test = compileFilter(filter);
    compiled.set(id, (element) => test({ [id]: element }));
  }
  return compiled;
}

/**
 * The concrete paths (no positional parts) a target reaches in `doc`: "$" becomes the index of
 * the first element the filter matched, "$[]" every index, "$[id]" each index its filter accepts.
 */
export function expandPositional(doc: Doc, parts: string[], scope: PositionalScope): string[][] {
  let paths: string[][] = [[]];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (!isPositional(part)) {
      for (const path of paths) path.push(part);
      continue;
    }
    const next: string[][] = [];
    for (const path of paths) {
      const array = valueAt(doc, path);
      if (part === '$') {
        next.push([...path, String(matchedIndex(array, path.join('.'), scope.filter))]);
        continue;
      }
      if (!Array.isArray(array)) {
        if (array === undefined) continue;
        throw badValue(`Cannot apply array updates to non-array element ${path[path.length - 1]}: ${String(array)}`);
      }
      const test = part === '$[]' ? () => true : arrayFilterFor(part, parts.join('.'), scope);
      array.forEach((element, index) => {
        if (test(element)) next.push([...path, String(index)]);
      });
    }
    paths = next;
  }
  return paths;
}

function arrayFilterFor(part: string, path: string, scope: PositionalScope): (element: unknown) => boolean {
  const id = part.slice(2, -1);
  const test = scope.arrayFilters?.get(id);
  if (!test) throw badValue(`No array filter found for identifier '${id}' in path '${path}'`);
  scope.used?.add(id);
  return test;
}

/** The value at concrete path parts, or undefined. */
export function valueAt(doc: unknown, parts: string[]): unknown {
  let at: unknown = doc;
  for (const part of parts) {
    if (Array.isArray(at)) at = /^\d+$/.test(part) ? at[Number(part)] : undefined;
    else if (isPlainObject(at)) at = at[part];
    else return undefined;
  }
  return at;
}

// The positional "$": the first element of the array that the filter's conditions on it accept.
function matchedIndex(array: unknown, arrayPath: string, filter: Doc | undefined): number {
  const conditions = Array.isArray(array) && filter ? conditionsOn(filter, arrayPath) : [];
  if (conditions.length === 0) throw badValue('The positional operator did not find the match needed from the query.');
  const tests = conditions.map((condition) => compileFilter(condition));
  const index = (array as unknown[]).findIndex((element) => tests.every((test) => test(wrapAt(arrayPath, [element]))));
  if (index < 0) throw badValue('The positional operator did not find the match needed from the query.');
  return index;
}

function conditionsOn(filter: Doc, arrayPath: string): Doc[] {
  const found: Doc[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value))
      for (const part of value) if (isPlainObject(part)) found.push(...conditionsOn(part, arrayPath));
    if (key === arrayPath || key.startsWith(arrayPath + '.')) found.push({ [key]: value });
  }
  return found;
}

function wrapAt(path: string, value: unknown): Doc {
  const parts = path.split('.');
  let doc: unknown = value;
  for (let i = parts.length - 1; i >= 0; i--) doc = { [parts[i]]: doc };
  return doc as Doc;
}
