// $jsonSchema as mongod implements it (draft 4 plus bsonType), for collection validators
// and queries. A check returns mongod's "schemaRulesNotSatisfied" entries: empty when the
// value satisfies the schema.
import { keyString, toNumber } from './bson-order.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { CommandError } from './errors.ts';
import { bsonTypeName } from './bson-type-name.ts';

type Check = (value: unknown) => Doc[];

const JSON_TYPES: Record<string, (value: unknown) => boolean> = {
  object: isPlainObject,
  array: Array.isArray,
  number: (value) => ['int', 'long', 'double', 'decimal'].includes(bsonTypeName(value)),
  boolean: (value) => typeof value === 'boolean',
  string: (value) => typeof value === 'string',
  null: (value) => value === null,
};

const KEYWORDS = new Set([
  'bsonType',
  'type',
  'enum',
  'required',
  'properties',
  'additionalProperties',
  'patternProperties',
  'minProperties',
  'maxProperties',
  'dependencies',
  'items',
  'additionalItems',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'title',
  'description',
]); // prettier-ignore

const failedToParse = (message: string) => new CommandError(9, 'FailedToParse', message);

/** Compiles a $jsonSchema, refusing keywords and types mongod does not support. */
export function compileJsonSchema(schema: unknown): Check {
  if (!isPlainObject(schema)) throw new CommandError(14, 'TypeMismatch', '$jsonSchema must be an object');
  for (const key of Object.keys(schema))
    if (!KEYWORDS.has(key)) throw failedToParse(`Unknown $jsonSchema keyword: ${key}`);
  const checks: Check[] = [];
  for (const [keyword, spec] of Object.entries(schema)) {
    const check = keywordCheck(keyword, spec, schema);
    if (check) checks.push(check);
  }
  return (value) => checks.flatMap((check) => check(value));
}

const rule = (operatorName: string, specifiedAs: Doc, extra: Doc = {}): Doc => ({
  operatorName,
  specifiedAs,
  ...extra,
});

function typeRule(keyword: string, spec: unknown, matches: (value: unknown) => boolean): Check {
  return (value) =>
    value === undefined || matches(value)
      ? []
      : [
          rule(
            keyword,
            { [keyword]: spec },
            { reason: 'type did not match', consideredValue: value, consideredType: bsonTypeName(value) },
          ),
        ];
}

// Each keyword applies only to values of the kind it speaks about (draft 4): minimum ignores strings.
function keywordCheck(keyword: string, spec: unknown, schema: Doc): Check | undefined {
  const specified = { [keyword]: spec };
  const numberRule =
    (fails: (n: number) => boolean, reason: string): Check =>
    (value) =>
      JSON_TYPES.number(value) && fails(toNumber(value))
        ? [rule(keyword, specified, { reason, consideredValue: value })]
        : [];
  switch (keyword) {
    case 'bsonType': {
      const names = Array.isArray(spec) ? spec.map(String) : [String(spec)];
      return typeRule(keyword, spec, (value) =>
        names.some((name) => (name === 'number' ? JSON_TYPES.number(value) : bsonTypeName(value) === name)),
      );
    }
    case 'type': {
      const names = Array.isArray(spec) ? spec.map(String) : [String(spec)];
      for (const name of names) {
        if (name === 'integer') throw failedToParse("$jsonSchema type 'integer' is not currently supported.");
        if (!JSON_TYPES[name]) throw failedToParse(`Unknown type name alias: ${name}`);
      }
      return typeRule(keyword, spec, (value) => names.some((name) => JSON_TYPES[name](value)));
    }
    case 'enum': {
      const allowed = new Set((spec as unknown[]).map(keyString));
      return (value) =>
        value === undefined || allowed.has(keyString(value))
          ? []
          : [rule('enum', specified, { reason: 'value was not found in enum', consideredValue: value })];
    }
    case 'required':
      return (value) => {
        if (!isPlainObject(value)) return [];
        const missing = (spec as string[]).filter((name) => value[name] === undefined);
        return missing.length ? [rule('required', specified, { missingProperties: missing })] : [];
      };
    case 'properties':
      return propertiesCheck(spec as Doc);
    case 'additionalProperties':
      return additionalCheck(spec, schema);
    case 'minProperties':
    case 'maxProperties':
      return (value) => {
        if (!isPlainObject(value)) return [];
        const count = Object.keys(value).length;
        const fails = keyword === 'minProperties' ? count < toNumber(spec) : count > toNumber(spec);
        return fails
          ? [
              rule(keyword, specified, {
                reason: 'specified number of properties was not satisfied',
                numberOfProperties: count,
              }),
            ]
          : [];
      };
    case 'items':
      return itemsCheck(spec);
    case 'minItems':
    case 'maxItems':
      return (value) => {
        if (!Array.isArray(value)) return [];
        const fails = keyword === 'minItems' ? value.length < toNumber(spec) : value.length > toNumber(spec);
        return fails
          ? [rule(keyword, specified, { reason: 'array did not match specified length', consideredValue: value })]
          : [];
      };
    case 'uniqueItems':
      return (value) =>
        Array.isArray(value) && spec === true && new Set(value.map(keyString)).size !== value.length
          ? [rule(keyword, specified, { reason: 'found a duplicate item', consideredValue: value })]
          : [];
    case 'minimum':
      return numberRule(
        (n) => (schema.exclusiveMinimum === true ? n <= toNumber(spec) : n < toNumber(spec)),
        'comparison failed',
      );
    case 'maximum':
      return numberRule(
        (n) => (schema.exclusiveMaximum === true ? n >= toNumber(spec) : n > toNumber(spec)),
        'comparison failed',
      );
    case 'multipleOf':
      return numberRule((n) => n % toNumber(spec) !== 0, 'considered value is not a multiple of the specified value');
    case 'minLength':
    case 'maxLength':
      return (value) => {
        if (typeof value !== 'string') return [];
        const length = [...value].length;
        const fails = keyword === 'minLength' ? length < toNumber(spec) : length > toNumber(spec);
        return fails
          ? [rule(keyword, specified, { reason: 'specified string length was not satisfied', consideredValue: value })]
          : [];
      };
    case 'pattern': {
      const regex = new RegExp(String(spec), 'u');
      return (value) =>
        typeof value === 'string' && !regex.test(value)
          ? [rule(keyword, specified, { reason: 'regular expression did not match', consideredValue: value })]
          : [];
    }
    case 'allOf':
    case 'anyOf':
    case 'oneOf':
      return combinedCheck(keyword, spec as unknown[]);
    case 'not': {
      const inner = compileJsonSchema(spec);
      return (value) =>
        value !== undefined && inner(value).length === 0
          ? [rule('not', specified, { reason: 'child expression matched' })]
          : [];
    }
    default:
      return undefined; // title, description, patternProperties (with additionalProperties), exclusive*, dependencies
  }
}

function propertiesCheck(properties: Doc): Check {
  const checks = Object.entries(properties).map(([name, schema]) => [name, compileJsonSchema(schema)] as const);
  return (value) => {
    if (!isPlainObject(value)) return [];
    const failed = checks
      .map(([propertyName, check]) => ({
        propertyName,
        details: value[propertyName] === undefined ? [] : check(value[propertyName]),
      }))
      .filter((entry) => entry.details.length > 0);
    return failed.length ? [{ operatorName: 'properties', propertiesNotSatisfied: failed }] : [];
  };
}

function additionalCheck(spec: unknown, schema: Doc): Check {
  const declared = new Set(Object.keys(isPlainObject(schema.properties) ? schema.properties : {}));
  const patterns = Object.keys(isPlainObject(schema.patternProperties) ? schema.patternProperties : {}).map(
    (p) => new RegExp(p, 'u'),
  );
  const extraCheck = isPlainObject(spec) ? compileJsonSchema(spec) : undefined;
  return (value) => {
    if (!isPlainObject(value)) return [];
    const extra = Object.keys(value).filter((key) => !declared.has(key) && !patterns.some((p) => p.test(key)));
    if (spec === false && extra.length)
      return [rule('additionalProperties', { additionalProperties: false }, { additionalProperties: extra })];
    if (!extraCheck) return [];
    const failed = extra.filter((key) => extraCheck(value[key]).length > 0);
    return failed.length
      ? [rule('additionalProperties', { additionalProperties: spec as Doc }, { additionalProperties: failed })]
      : [];
  };
}

function itemsCheck(spec: unknown): Check {
  if (Array.isArray(spec)) {
    const checks = spec.map(compileJsonSchema);
    return (value) =>
      Array.isArray(value) && checks.some((check, i) => i < value.length && check(value[i]).length > 0)
        ? [{ operatorName: 'items', reason: 'At least one item did not match the sub-schema' }]
        : [];
  }
  const check = compileJsonSchema(spec);
  return (value) => {
    if (!Array.isArray(value)) return [];
    const index = value.findIndex((item) => check(item).length > 0);
    return index < 0
      ? []
      : [
          {
            operatorName: 'items',
            reason: 'At least one item did not match the sub-schema',
            itemIndex: index,
            details: check(value[index]),
          },
        ];
  };
}

function combinedCheck(keyword: 'allOf' | 'anyOf' | 'oneOf', schemas: unknown[]): Check {
  const checks = schemas.map(compileJsonSchema);
  return (value) => {
    if (value === undefined) return [];
    const passing = checks.filter((check) => check(value).length === 0).length;
    const ok = keyword === 'allOf' ? passing === checks.length : keyword === 'anyOf' ? passing > 0 : passing === 1;
    return ok ? [] : [{ operatorName: keyword, schemasNotSatisfied: [] }];
  };
}
