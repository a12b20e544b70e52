// Collection validators (validator, validationLevel, validationAction): a query, often a
// $jsonSchema, every document written must satisfy, refused with mongod's
// DocumentValidationFailure (121) and an errInfo saying which rules failed.
import type { Collection } from './collection.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { CommandError } from './errors.ts';
import { compileJsonSchema } from './json-schema.ts';
import { compileFilter } from './query-engine.ts';
import { isPlain } from './query-risk.ts';

/** Checks one document about to be written; `previous` is the stored version an update replaces. */
export type WriteCheck = (doc: Doc, previous?: Doc) => void;

/** The check of a collection without a validator. */
export const noCheck: WriteCheck = () => {};

// Compiled once per validator setting of a collection, not once per document written.
const compiled = new WeakMap<Collection, { validator: unknown; level: unknown; action: unknown; check: WriteCheck }>();

/** The check a collection's validator asks for (none when it has none or the command bypasses it). */
export function validationFor(collection: Collection | undefined, bypass: boolean): WriteCheck {
  if (bypass || !collection) return noCheck;
  const { validator, validationLevel: level, validationAction: action } = collection.options;
  const known = compiled.get(collection);
  if (known && known.validator === validator && known.level === level && known.action === action) return known.check;
  const check = compileCheck(validator, level, action);
  compiled.set(collection, { validator, level, action, check });
  return check;
}

function compileCheck(validator: unknown, level: unknown, action: unknown): WriteCheck {
  if (!isPlainObject(validator) || Object.keys(validator).length === 0 || level === 'off') return noCheck;
  const warnOnly = action === 'warn';
  const failures = compileValidator(validator);
  return (doc, previous) => {
    // "moderate" leaves documents that were already invalid free to change.
    if (level === 'moderate' && previous && failures(previous)) return;
    const details = failures(doc);
    if (!details || warnOnly) return;
    throw new CommandError(121, 'DocumentValidationFailure', 'Document failed validation', {
      errInfo: { failingDocumentId: doc._id, details },
    });
  };
}

/** Whether evaluating the collection's validator is cheap (else the write runs under the watchdog). */
export function validatorIsPlain(collection: Collection | undefined): boolean {
  const validator = collection?.options.validator;
  if (!isPlainObject(validator)) return true;
  const { $jsonSchema, ...query } = validator;
  // The stand-in's $jsonSchema is linear in a document's size, except for its regular expressions.
  return isPlain(query) && !mentions($jsonSchema, ['pattern', 'patternProperties']);
}

function mentions(schema: unknown, keywords: string[]): boolean {
  if (Array.isArray(schema)) return schema.some((item) => mentions(item, keywords));
  if (!isPlainObject(schema)) return false;
  return Object.entries(schema).some(([key, value]) => keywords.includes(key) || mentions(value, keywords));
}

/** Refuses a validator mongod would refuse (unknown operators or $jsonSchema keywords). */
export function checkValidator(validator: unknown): void {
  if (isPlainObject(validator)) compileValidator(validator);
}

// The mongod-shaped details of why a document fails, or undefined when it passes.
function compileValidator(validator: Doc): (doc: Doc) => Doc | undefined {
  const clauses = Object.entries(validator).map(([key, value]) => {
    if (key === '$jsonSchema') {
      const check = compileJsonSchema(value);
      return (doc: Doc) => {
        const rules = check(doc);
        return rules.length ? { operatorName: '$jsonSchema', schemaRulesNotSatisfied: rules } : undefined;
      };
    }
    const test = compileFilter({ [key]: value });
    const operatorName = key.startsWith('$') ? key : isPlainObject(value) ? (Object.keys(value)[0] ?? '$eq') : '$eq';
    return (doc: Doc) =>
      test(doc) ? undefined : { operatorName, specifiedAs: { [key]: value }, reason: 'expression did not match' };
  });
  return (doc) => {
    const failed = clauses.map((clause) => clause(doc));
    if (failed.every((detail) => detail === undefined)) return undefined;
    if (clauses.length === 1) return failed[0];
    const clausesNotSatisfied = failed.flatMap((details, index) => (details ? [{ index, details }] : []));
    return { operatorName: '$and', clausesNotSatisfied };
  };
}
