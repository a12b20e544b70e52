// Where an update operator writes: the container and key a concrete path leads to,
// creating the way there when the operator creates fields, refusing like mongod when
// the way goes through something that cannot hold fields.
import { formatKeyValue } from './duplicate-key.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { CommandError } from './errors.ts';

/** The place a path leads to: its container, the key in it, and what is there now. */
interface Slot {
  parent: Doc | unknown[];
  key: string;
  value: unknown;
  exists: boolean;
}

// mongod refuses to pad an array by more than this many nulls.
const MAX_PADDING = 1_500_000;

const isIndex = (part: string) => /^\d+$/.test(part);

/** mongod's PathNotViable (28) for a path that runs into a value that cannot hold fields. */
function cannotCreate(part: string, holderName: string, holder: unknown): CommandError {
  return new CommandError(
    28,
    'PathNotViable',
    `Cannot create field '${part}' in element {${holderName}: ${formatKeyValue(holder)}}`,
  );
}

/** The slot at `parts`, creating sub-documents on the way (for operators that create fields). */
export function slotForWrite(doc: Doc, parts: string[]): Slot {
  let parent: Doc | unknown[] = doc;
  let parentName = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const last = i === parts.length - 1;
    if (Array.isArray(parent)) {
      if (!isIndex(part)) throw cannotCreate(part, parentName, parent);
      const index = Number(part);
      if (index - parent.length > MAX_PADDING)
        throw new CommandError(2, 'BadValue', `can't backfill more than ${MAX_PADDING} elements`);
      while (parent.length < index) parent.push(null);
    }
    const value = (parent as Doc)[part];
    const exists = value !== undefined && (!Array.isArray(parent) || Number(part) < parent.length);
    if (last) return { parent, key: part, value, exists };
    if (!exists) (parent as Doc)[part] = {};
    else if (!isPlainObject(value) && !Array.isArray(value)) throw cannotCreate(parts[i + 1], part, value);
    parent = (parent as Doc)[part] as Doc | unknown[];
    parentName = part;
  }
  throw new Error('empty update path');
}

/**
 * The slot at `parts` if the whole way exists, else undefined. `strict` (for $pop, $pull,
 * $pullAll) refuses a way through a value that cannot hold fields, as mongod does for them.
 */
export function slotIfPresent(doc: Doc, parts: string[], strict: boolean): Slot | undefined {
  let parent: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const viable = isPlainObject(parent) || (Array.isArray(parent) && isIndex(part));
    if (!viable) {
      if (!strict || parent === undefined || parent === null) return undefined;
      throw new CommandError(
        28,
        'PathNotViable',
        `Cannot use the part (${part} of ${parts.join('.')}) to traverse the element ({${parts[i - 1]}: ${formatKeyValue(parent)}})`,
      );
    }
    const value = (parent as Doc)[part];
    if (value === undefined) return undefined;
    if (i === parts.length - 1) return { parent: parent as Doc, key: part, value, exists: true };
    parent = value;
  }
  return undefined;
}

/** Stores `value` in the slot. */
export function writeSlot(slot: Slot, value: unknown): void {
  (slot.parent as Doc)[slot.key] = value;
}

/** Removes the slot's field; in an array the element becomes null, as in mongod. */
export function clearSlot(slot: Slot): void {
  if (Array.isArray(slot.parent)) slot.parent[Number(slot.key)] = null;
  else delete slot.parent[slot.key];
}
