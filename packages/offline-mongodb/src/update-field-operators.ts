// The update operators that work on one field: $set, $setOnInsert, $unset, $inc, $mul,
// $min, $max, $currentDate, $rename and $bit, with mongod's errors for wrong types.
import { Timestamp } from 'bson';
import { compareBson } from './bson-order.ts';
import { formatKeyValue } from './duplicate-key.ts';
import { cloneDocument, isPlainObject, type Doc } from './document-paths.ts';
import { badValue, CommandError } from './errors.ts';
import { bsonTypeName } from './bson-type-name.ts';
import { arithmetic, bitwise, numericKind, zeroLike } from './update-numbers.ts';
import type { TimeLimit } from './time-limit.ts';
import { clearSlot, slotForWrite, slotIfPresent, writeSlot } from './update-slots.ts';

/** What an operator is applied with: the document (a copy), one concrete path, its argument, and the request's time. */
export interface OperatorCall {
  doc: Doc;
  parts: string[];
  argument: unknown;
  time: TimeLimit;
}

/** An update operator: changes `doc` in place at `parts`. */
export type UpdateOperator = (call: OperatorCall) => void;

const typeMismatch = (message: string) => new CommandError(14, 'TypeMismatch', message);
const idOf = (doc: Doc) => `{_id: ${formatKeyValue(doc._id)}}`;

const $set: UpdateOperator = ({ doc, parts, argument }) => writeSlot(slotForWrite(doc, parts), cloneDocument(argument));

const $unset: UpdateOperator = ({ doc, parts }) => {
  const slot = slotIfPresent(doc, parts, false);
  if (slot) clearSlot(slot);
};

function arithmeticOperator(name: '$inc' | '$mul', operation: 'add' | 'multiply', verb: string): UpdateOperator {
  return ({ doc, parts, argument }) => {
    if (!numericKind(argument))
      throw typeMismatch(`Cannot ${verb} with non-numeric argument: {${parts.join('.')}: ${formatKeyValue(argument)}}`);
    const slot = slotForWrite(doc, parts);
    if (!slot.exists) return writeSlot(slot, operation === 'add' ? argument : zeroLike(argument));
    if (!numericKind(slot.value))
      throw typeMismatch(
        `Cannot apply ${name} to a value of non-numeric type. ${idOf(doc)} has the field '${slot.key}' of non-numeric type ${bsonTypeName(slot.value)}`,
      );
    writeSlot(slot, arithmetic(slot.value, argument, operation));
  };
}

function compareOperator(keepIf: (order: number) => boolean): UpdateOperator {
  return ({ doc, parts, argument }) => {
    const slot = slotForWrite(doc, parts);
    if (!slot.exists || keepIf(compareBson(argument, slot.value))) writeSlot(slot, cloneDocument(argument));
  };
}

const $currentDate: UpdateOperator = ({ doc, parts, argument }) => {
  const type = isPlainObject(argument) ? argument.$type : argument === true || argument === false ? 'date' : undefined;
  if (type !== 'date' && type !== 'timestamp')
    throw badValue(
      `The '$type' string field is required to be 'date' or 'timestamp': {$currentDate: {field : {$type: 'date'}}}`,
    );
  const now = new Date();
  const value = type === 'date' ? now : new Timestamp({ t: Math.floor(now.getTime() / 1000), i: 1 });
  writeSlot(slotForWrite(doc, parts), value);
};

const $rename: UpdateOperator = ({ doc, parts, argument }) => {
  const from = parts.join('.');
  if (typeof argument !== 'string')
    throw badValue(`The 'to' field for $rename must be a string: ${from}: ${formatKeyValue(argument)}`);
  if (argument === from)
    throw badValue(`The source and target field for $rename must differ: ${from}: ${formatKeyValue(argument)}`);
  if (argument.startsWith(from + '.') || from.startsWith(argument + '.'))
    throw badValue(
      `The source and target field for $rename must not be on the same path: ${from}: ${formatKeyValue(argument)}`,
    );
  const source = slotIfPresent(doc, parts, false);
  if (!source) return;
  if (Array.isArray(source.parent))
    throw badValue(`The source field cannot be an array element, '${from}' in doc with ${formatKeyValue(doc)}`);
  const target = argument.split('.');
  clearSlot(source);
  const destination = slotForWrite(doc, target);
  if (Array.isArray(destination.parent))
    throw badValue(
      `The destination field cannot be an array element, '${argument}' in doc with ${formatKeyValue(doc)}`,
    );
  writeSlot(destination, source.value);
};

const $bit: UpdateOperator = ({ doc, parts, argument }) => {
  if (!isPlainObject(argument) || Object.keys(argument).length === 0)
    throw badValue(
      `The $bit modifier is not compatible with a ${bsonTypeName(argument)}. You must pass in an embedded document: {$bit: {field: {and/or/xor: #}}`,
    );
  const slot = slotForWrite(doc, parts);
  let value: unknown = slot.exists ? slot.value : 0;
  const kind = numericKind(value);
  if (kind !== 'int' && kind !== 'long')
    throw badValue(
      `Cannot apply $bit to a value of non-integral type.${idOf(doc)} has the field ${slot.key} of non-integer type ${bsonTypeName(value)}`,
    );
  for (const [operation, operand] of Object.entries(argument)) {
    if (operation !== 'and' && operation !== 'or' && operation !== 'xor')
      throw badValue(
        `The $bit modifier only supports 'and', 'or', and 'xor', not '${operation}' which is an unknown operator: {${operation}: ${formatKeyValue(operand)}}`,
      );
    const operandKind = numericKind(operand);
    if (operandKind !== 'int' && operandKind !== 'long')
      throw badValue(
        `The $bit modifier field must be an Integer(32/64 bit); a '${bsonTypeName(operand)}' is not supported here: {${operation}: ${formatKeyValue(operand)}}`,
      );
    value = bitwise(value, operand, operation);
  }
  writeSlot(slot, value);
};

/** The field operators, by name. */
export const fieldOperators: Record<string, UpdateOperator> = {
  $set,
  $setOnInsert: $set,
  $unset,
  $inc: arithmeticOperator('$inc', 'add', 'increment'),
  $mul: arithmeticOperator('$mul', 'multiply', 'multiply'),
  $min: compareOperator((order) => order < 0),
  $max: compareOperator((order) => order > 0),
  $currentDate,
  $rename,
  $bit,
};
