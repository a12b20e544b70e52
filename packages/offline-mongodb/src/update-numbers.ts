// Arithmetic for $inc, $mul and $bit with mongod's type rules: int stays int until it
// overflows into long, anything with a double is a double, anything with a decimal a decimal.
import { Decimal128, Double, Int32, Long } from 'bson';
import { toNumber } from './bson-order.ts';

type Kind = 'int' | 'long' | 'double' | 'decimal';

/** The numeric kind of a value, or undefined when it is not a number. */
export function numericKind(value: unknown): Kind | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) <= 2 ** 31 - 1 ? 'int' : 'double';
  if (value instanceof Int32) return 'int';
  if (value instanceof Double) return 'double';
  if (value instanceof Long || typeof value === 'bigint') return 'long';
  if (value instanceof Decimal128) return 'decimal';
  return undefined;
}

const RANK: Record<Kind, number> = { int: 0, long: 1, double: 2, decimal: 3 };

/** a + b or a × b, typed as mongod types the result. */
export function arithmetic(a: unknown, b: unknown, operation: 'add' | 'multiply'): unknown {
  const kinds = [numericKind(a)!, numericKind(b)!];
  const kind = RANK[kinds[0]] >= RANK[kinds[1]] ? kinds[0] : kinds[1];
  if (kind === 'decimal') {
    const result = operation === 'add' ? toNumber(a) + toNumber(b) : toNumber(a) * toNumber(b);
    return Decimal128.fromString(String(result));
  }
  if (kind === 'double') {
    const result = operation === 'add' ? toNumber(a) + toNumber(b) : toNumber(a) * toNumber(b);
    // An integral double must stay a double, not turn into an int on the wire.
    return Number.isInteger(result) && Math.abs(result) <= 2 ** 31 - 1 ? new Double(result) : result;
  }
  const x = asLong(a);
  const y = asLong(b);
  const result = operation === 'add' ? x.add(y) : x.multiply(y);
  if (
    kind === 'int' &&
    result.greaterThanOrEqual(Long.fromInt(-(2 ** 31))) &&
    result.lessThanOrEqual(Long.fromInt(2 ** 31 - 1))
  )
    return result.toInt();
  return result;
}

function asLong(value: unknown): Long {
  if (value instanceof Long) return value;
  if (typeof value === 'bigint') return Long.fromBigInt(value);
  return Long.fromNumber(toNumber(value));
}

/** The value $mul gives a missing field: zero of the multiplier's type. */
export function zeroLike(value: unknown): unknown {
  return arithmetic(0, value, 'multiply');
}

/** $bit's and/or/xor on an int or long. */
export function bitwise(a: unknown, b: unknown, operation: 'and' | 'or' | 'xor'): unknown {
  const long = numericKind(a) === 'long' || numericKind(b) === 'long';
  const x = asLong(a);
  const y = asLong(b);
  const result = operation === 'and' ? x.and(y) : operation === 'or' ? x.or(y) : x.xor(y);
  return long ? result : result.toInt();
}
