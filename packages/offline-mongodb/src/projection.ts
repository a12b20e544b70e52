// find's projection as mongod applies it: inclusion or exclusion, fields kept in the
// document's own order (so _id stays first), $slice, $elemMatch, the positional "$",
// { $meta: "textScore" }, and aggregation expressions for computed fields.
import { isPlainObject, type Doc } from './document-paths.ts';
import { badValue, CommandError } from './errors.ts';
import { compileFilter, evaluateExpression } from './query-engine.ts';
import { textScoreOf } from './text-score.ts';
import type { TimeLimit } from './time-limit.ts';
import { valueAt } from './update-paths.ts';

type Leaf =
  | { kind: 'include' }
  | { kind: 'exclude' }
  | { kind: 'slice'; skip: number; limit: number | undefined }
  | { kind: 'elemMatch'; test: (element: unknown) => boolean }
  | { kind: 'positional' }
  | { kind: 'meta' }
  | { kind: 'computed'; expression: unknown };

interface Parsed {
  path: string;
  leaf: Leaf;
}

/** Applies a find projection to documents (new objects; stored documents stay untouched). */
export function projectDocuments(docs: Doc[], projection: Doc | undefined, time: TimeLimit, filter?: Doc): Doc[] {
  if (!projection || Object.keys(projection).length === 0) return docs;
  const shape = compileProjection(projection, filter);
  return docs.map((doc) => {
    time.check();
    return shape(doc);
  });
}

/** Compiles a find projection into a function from a stored document to what find returns. */
function compileProjection(spec: Doc, filter: Doc = {}): (doc: Doc) => Doc {
  const entries = Object.entries(spec).map(([path, value]) => parseEntry(path, value));
  const decides = entries.filter((entry) => entry.path !== '_id' || entry.leaf.kind === 'computed');
  const including = decides.some((e) => ['include', 'positional', 'elemMatch', 'computed'].includes(e.leaf.kind));
  const excluding = decides.some((e) => e.leaf.kind === 'exclude');
  if (including && excluding) {
    const excluded = decides.find((e) => e.leaf.kind === 'exclude')!;
    throw new CommandError(
      31254,
      'Location31254',
      `Cannot do exclusion on field ${excluded.path} in inclusion projection`,
    );
  }
  const idEntry = entries.find((entry) => entry.path === '_id');
  // With only _id: 1 (or _id and $slice/$meta) mongod includes; with nothing that decides, it excludes.
  const inclusion = including || (decides.length === 0 && idEntry?.leaf.kind === 'include');
  const keepId = idEntry?.leaf.kind !== 'exclude';
  return (doc) => project(doc, entries, inclusion, keepId, filter);
}

function parseEntry(path: string, value: unknown): Parsed {
  if (path.endsWith('.$')) return { path: path.slice(0, -2), leaf: { kind: 'positional' } };
  if (isPlainObject(value) && Object.keys(value).length === 1) {
    const [operator] = Object.keys(value);
    if (operator === '$slice') return { path, leaf: sliceLeaf(value.$slice) };
    if (operator === '$elemMatch') {
      if (!isPlainObject(value.$elemMatch)) throw badValue('elemMatch: Invalid argument, object required.');
      const test = compileFilter({ element: { $elemMatch: value.$elemMatch } });
      return { path, leaf: { kind: 'elemMatch', test: (element) => test({ element: [element] }) } };
    }
    if (operator === '$meta') {
      if (value.$meta !== 'textScore') throw badValue(`Unsupported argument to $meta: ${String(value.$meta)}`);
      return { path, leaf: { kind: 'meta' } };
    }
  }
  if (typeof value === 'boolean' || typeof value === 'number' || (value as { _bsontype?: string })?._bsontype)
    return { path, leaf: { kind: Number(value) ? 'include' : 'exclude' } };
  return { path, leaf: { kind: 'computed', expression: value } };
}

function sliceLeaf(argument: unknown): Leaf {
  if (typeof argument === 'number')
    return argument < 0
      ? { kind: 'slice', skip: argument, limit: undefined }
      : { kind: 'slice', skip: 0, limit: argument };
  if (Array.isArray(argument) && argument.length === 2 && argument.every((n) => typeof n === 'number')) {
    if (argument[1] <= 0) throw badValue(`$slice limit must be positive`);
    return { kind: 'slice', skip: argument[0], limit: argument[1] };
  }
  throw badValue('$slice only supports numbers and [skip, limit] arrays');
}

function project(doc: Doc, entries: Parsed[], inclusion: boolean, keepId: boolean, filter: Doc): Doc {
  let out: Doc;
  if (inclusion) {
    const tree = treeOf(entries.filter((e) => e.path !== '_id' && ['include', 'slice'].includes(e.leaf.kind)));
    out = keepId && doc._id !== undefined ? { _id: doc._id } : {};
    Object.assign(out, includeTree(doc, tree, true));
  } else {
    out = excludeTree(doc, treeOf(entries.filter((e) => e.leaf.kind === 'exclude' && e.path !== '_id')));
    if (!keepId) delete out._id;
  }
  for (const { path, leaf } of entries) {
    if (leaf.kind === 'slice') sliceAt(out, path.split('.'), leaf);
    else if (leaf.kind === 'elemMatch') {
      const array = valueAt(doc, path.split('.'));
      const match = Array.isArray(array) ? array.find(leaf.test) : undefined;
      // mongod puts an $elemMatch field after the other fields, and leaves it out when nothing matches.
      if (match !== undefined) out[path] = [match];
    } else if (leaf.kind === 'positional') out[path] = positionalElement(doc, path, filter);
    else if (leaf.kind === 'meta') out[path] = textScoreOf(doc);
    else if (leaf.kind === 'computed' && path !== '_id') out[path] = evaluateExpression(doc, leaf.expression);
    else if (leaf.kind === 'computed') out._id = evaluateExpression(doc, leaf.expression);
  }
  return out;
}

type Tree = Map<string, Tree | true>;

function treeOf(entries: Parsed[]): Tree {
  const root: Tree = new Map();
  for (const { path } of entries) {
    const parts = path.split('.');
    let node = root;
    for (let i = 0; i < parts.length; i++) {
      const existing = node.get(parts[i]);
      if (existing === true) throw new CommandError(31250, 'Location31250', `Path collision at ${path}`);
      if (i === parts.length - 1) {
        if (existing) throw new CommandError(31250, 'Location31250', `Path collision at ${path}`);
        node.set(parts[i], true);
      } else {
        if (!existing) node.set(parts[i], new Map());
        node = node.get(parts[i]) as Tree;
      }
    }
  }
  return root;
}

// Keeps the tree's fields in the document's order; through arrays it keeps the matching fields of each sub-document.
function includeTree(doc: Doc, tree: Tree, top: boolean): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    if (top && key === '_id') continue;
    const node = tree.get(key);
    if (!node) continue;
    const value = doc[key];
    if (node === true) out[key] = value;
    else if (isPlainObject(value)) out[key] = includeTree(value, node, false);
    else if (Array.isArray(value)) out[key] = includeArray(value, node);
  }
  return out;
}

function includeArray(values: unknown[], tree: Tree): unknown[] {
  const out: unknown[] = [];
  for (const value of values) {
    if (isPlainObject(value)) out.push(includeTree(value, tree, false));
    else if (Array.isArray(value)) out.push(includeArray(value, tree));
  }
  return out;
}

function excludeTree(doc: Doc, tree: Tree): Doc {
  const out: Doc = {};
  for (const key of Object.keys(doc)) {
    const node = tree.get(key);
    const value = doc[key];
    if (node === true) continue;
    if (!node) out[key] = value;
    else if (isPlainObject(value)) out[key] = excludeTree(value, node);
    else if (Array.isArray(value))
      out[key] = value.map((item) => (isPlainObject(item) ? excludeTree(item, node) : item));
    else out[key] = value;
  }
  return out;
}

// Copies each sub-document on the way, so the stored document is never changed.
function sliceAt(holder: Doc, parts: string[], leaf: Extract<Leaf, { kind: 'slice' }>): void {
  const [key, ...rest] = parts;
  const value = holder[key];
  if (rest.length === 0) {
    if (!Array.isArray(value)) return;
    const start = leaf.skip < 0 ? Math.max(0, value.length + leaf.skip) : leaf.skip;
    holder[key] = value.slice(start, leaf.limit === undefined ? undefined : start + leaf.limit);
  } else if (isPlainObject(value)) {
    holder[key] = { ...value };
    sliceAt(holder[key] as Doc, rest, leaf);
  } else if (Array.isArray(value)) {
    holder[key] = value.map((item) => {
      if (!isPlainObject(item)) return item;
      const copy = { ...item };
      sliceAt(copy, rest, leaf);
      return copy;
    });
  }
}

function positionalElement(doc: Doc, path: string, filter: Doc): unknown {
  const array = valueAt(doc, path.split('.'));
  const conditions = Object.entries(filter).filter(([key]) => key === path || key.startsWith(path + '.'));
  if (!Array.isArray(array) || conditions.length === 0)
    throw badValue(
      "Executor error during find command :: caused by :: positional operator '.$' couldn't find a matching element in the array",
    );
  const test = compileFilter(Object.fromEntries(conditions));
  const wrap = (element: unknown) =>
    path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), [element]);
  const match = array.find((element) => test(wrap(element) as Doc));
  return match === undefined ? [] : [match];
}
