// Documents and query arguments as one short, readable line for the app's request log:
// ObjectId("…") instead of a nested object, dates as ISO text, long strings cut.
// Widths are terminal columns (string-width): a Hindi or Chinese title or an emoji is not one column a character.
import stringWidth from 'string-width';

const maxString = 60;

function isObjectId(value: object): value is { toHexString(): string } {
  return (
    (value as { _bsontype?: string })._bsontype === 'ObjectId' ||
    (value as { _bsontype?: string })._bsontype === 'ObjectID'
  );
}

/** One value in a compact, JSON-like notation a beginner can read. */
export function formatValue(value: unknown, depth = 0): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string')
    return JSON.stringify(value.length > maxString ? value.slice(0, maxString) + '…' : value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return '[function]';
  if (typeof value !== 'object') return String(value);
  if (value instanceof Date) return `Date(${Number.isNaN(value.getTime()) ? 'invalid' : value.toISOString()})`;
  if (value instanceof RegExp) return String(value);
  if (isObjectId(value)) return `ObjectId("${value.toHexString()}")`;
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `<${value.length} bytes>`;
  if ((value as { _bsontype?: string })._bsontype) return String(value);
  if (depth >= 3) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value)) return `[${value.map((item) => formatValue(item, depth + 1)).join(', ')}]`;
  // The driver sends some options as a Map (a sort keeps its keys in order that way): shown as the object it stands for.
  if (value instanceof Map) return formatValue(Object.fromEntries(value), depth);
  const plain =
    typeof (value as { toObject?: unknown }).toObject === 'function'
      ? (value as { toObject(): object }).toObject()
      : value;
  const fields = Object.entries(plain).map(([key, field]) => `${key}: ${formatValue(field, depth + 1)}`);
  return fields.length ? `{ ${fields.join(', ')} }` : '{}';
}

/** How much of `text` (a length in UTF-16 units) fits in `columns` terminal columns, whole characters only. */
function fitting(text: string, columns: number): number {
  let used = 0;
  let length = 0;
  for (const { segment } of new Intl.Segmenter().segment(text)) {
    used += stringWidth(segment);
    if (used > columns) break;
    length += segment.length;
  }
  return length;
}

/** Cuts a line to `width` terminal columns, ending with "…" when cut. */
export function cutLine(text: string, width: number): string {
  if (stringWidth(text) <= width) return text;
  return text.slice(0, Math.max(1, fitting(text, width - 1))) + '…';
}

/**
 * Folds a long line into lines of at most `width` columns, between words (after ", " or a space,
 * never inside a word), the later ones starting with `indent`; past `maxLines` it ends with "…".
 */
export function wrapLine(text: string, width: number, indent: string, maxLines = 4): string {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 0 && lines.length < maxLines) {
    const room = lines.length ? width - indent.length : width;
    if (stringWidth(rest) <= room) {
      lines.push(rest);
      rest = '';
      break;
    }
    const fits = Math.max(1, fitting(rest, room));
    const space = rest.lastIndexOf(' ', fits);
    const cut = space > fits / 2 ? space : fits;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest)
    lines[lines.length - 1] = cutLine(
      `${lines[lines.length - 1]} ${rest}`,
      lines.length > 1 ? width - indent.length : width,
    );
  return lines.join(`\n${indent}`);
}
