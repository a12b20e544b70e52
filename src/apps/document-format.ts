// Documents and query arguments as one short, readable line for the app's request log:
// ObjectId("…") instead of a nested object, dates as ISO text, long strings cut.
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
  const plain =
    typeof (value as { toObject?: unknown }).toObject === 'function'
      ? (value as { toObject(): object }).toObject()
      : value;
  const fields = Object.entries(plain).map(([key, field]) => `${key}: ${formatValue(field, depth + 1)}`);
  return fields.length ? `{ ${fields.join(', ')} }` : '{}';
}

/** Cuts a line to `width` visible characters, ending with "…" when cut. */
export function cutLine(text: string, width: number): string {
  return text.length > width ? text.slice(0, Math.max(1, width - 1)) + '…' : text;
}

/**
 * Folds a long line into lines of at most `width`, between words (after ", " or a space, never
 * inside a word), the later ones starting with `indent`; past `maxLines` it ends with "…".
 */
export function wrapLine(text: string, width: number, indent: string, maxLines = 4): string {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > 0 && lines.length < maxLines) {
    const room = lines.length ? width - indent.length : width;
    if (rest.length <= room) {
      lines.push(rest);
      rest = '';
      break;
    }
    const space = rest.lastIndexOf(' ', room);
    const cut = space > room / 2 ? space : room;
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
