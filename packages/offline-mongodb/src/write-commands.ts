// Writing: insert, update and delete, each a batch of statements with per-statement
// writeErrors, honouring ordered (stop at first error) vs unordered. Long batches are
// worked through in slices (pacing.ts) so other clients are answered in between.
import { calculateObjectSize } from 'bson';
import { docArg, targetCollection, type CommandContext, type CommandHandler } from './command-context.ts';
import { checkInsertable } from './document-limits.ts';
import { noCheck, validationFor, validatorIsPlain, type WriteCheck } from './document-validation.ts';
import type { Collection } from './collection.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { DocumentSequence } from './document-sequence.ts';
import { badValue, CommandError, failedToParse, typeMismatch } from './errors.ts';
import { Pacer } from './pacing.ts';
import { isPlain } from './query-risk.ts';
import { selectDocuments } from './read-commands.ts';
import { updateKind, checkId, withIdFirst } from './update-apply.ts';
import { applyPlan, planUpdate } from './update-plan.ts';
import { MAX_BSON_BYTES } from './wire-protocol.ts';

type Statements = Doc[] | DocumentSequence;

function writeError(index: number, error: unknown): Doc {
  // Running out of time fails the whole batch in mongod, not just one statement.
  if (error instanceof CommandError && error.code !== 50)
    return { index, code: error.code, codeName: error.codeName, errmsg: error.message, ...error.extra };
  throw error;
}

function statements(ctx: CommandContext, field: string): Statements {
  const list = ctx.body[field];
  if (!Array.isArray(list) && !(list instanceof DocumentSequence))
    throw typeMismatch(`BSON field '${Object.keys(ctx.body)[0]}.${field}' is missing or not an array`);
  return list;
}

/** Runs each statement, collecting writeErrors; stops at the first when ordered. */
async function runBatch(
  ctx: CommandContext,
  items: Statements,
  run: (item: Doc, index: number, slice: number) => void,
  stepsPerLook = 1,
): Promise<Doc[]> {
  const ordered = ctx.body.ordered !== false;
  const errors: Doc[] = [];
  const pacer = new Pacer(stepsPerLook);
  for (let i = 0; i < items.length; i++) {
    const pause = pacer.pause();
    if (pause) await pause;
    try {
      run(items.at(i) as Doc, i, pacer.pauses);
    } catch (error) {
      errors.push(writeError(i, error));
      if (ordered) break;
    }
  }
  return errors;
}

function reply(fields: Doc, errors: Doc[]): Doc {
  return errors.length ? { ...fields, writeErrors: errors, ok: 1 } : { ...fields, ok: 1 };
}

const insert: CommandHandler = async (ctx) => {
  const documents = statements(ctx, 'documents');
  const name = targetCollection(ctx);
  let n = 0;
  // Sequence documents carry their size; others can only be too large when the message is.
  const mayBeTooLarge = (ctx.messageBytes ?? 0) > MAX_BSON_BYTES;
  const bypass = ctx.body.bypassDocumentValidation === true;
  // Looked up once per slice: between slices another client may drop the collection or change its validator.
  let lookedUp: { slice: number; collection: Collection; check: WriteCheck } | undefined;
  const errors = await runBatch(
    ctx,
    documents,
    (doc, index, slice) => {
      if (!isPlainObject(doc)) throw badValue('document to insert must be an object');
      const size =
        documents instanceof DocumentSequence
          ? documents.sizeAt(index)
          : mayBeTooLarge
            ? calculateObjectSize(doc)
            : undefined;
      checkInsertable(doc, size);
      checkId(doc._id);
      if (lookedUp?.slice !== slice) {
        const collection = ctx.catalog.getOrCreate(ctx.db, name);
        lookedUp = { slice, collection, check: validationFor(collection, bypass) };
      }
      const { collection, check } = lookedUp;
      // _id first (generated if missing) before the validator sees it: its errInfo names the _id.
      const stored = Object.keys(doc)[0] === '_id' ? doc : withIdFirst(doc);
      if (check !== noCheck) ctx.evaluate(validatorIsPlain(collection), () => check(stored));
      collection.insert(stored);
      n++;
    },
    // An insert's cost is bounded by its document's size: the clock need not be read for each.
    16,
  );
  return reply({ n }, errors);
};

const update: CommandHandler = async (ctx) => {
  const updates = statements(ctx, 'updates');
  const name = targetCollection(ctx);
  const variables = docArg(ctx.body, 'let');
  let n = 0;
  let nModified = 0;
  const upserted: Doc[] = [];
  const errors = await runBatch(ctx, updates, (statement, index) => {
    if (!isPlainObject(statement) || statement.u === undefined)
      throw failedToParse("BSON field 'update.updates.u' is missing but a required field");
    const multi = statement.multi === true;
    if (multi && updateKind(statement.u) === 'replacement')
      throw failedToParse('multi update is not supported for replacement-style update');
    const q = docArg(statement, 'q');
    // updateOne's sort arrived in MongoDB 8.0; a 7.0 server rejects it.
    if (statement.sort !== undefined)
      throw new CommandError(40415, 'Location40415', "BSON field 'update.updates.sort' is an unknown field.");
    const arrayFilters = Array.isArray(statement.arrayFilters) ? (statement.arrayFilters as Doc[]) : undefined;
    const upsert = statement.upsert === true;
    const existing = ctx.catalog.get(ctx.db, name);
    const check = validationFor(existing, ctx.body.bypassDocumentValidation === true);
    const plain = isPlain(q, statement.u, arrayFilters, variables) && validatorIsPlain(existing);
    const plan = ctx.evaluate(plain, (time) => {
      const scope = { variables, collation: docArg(statement, 'collation') };
      const matched = selectDocuments(ctx, name, { filter: q, limit: multi ? 0 : 1 }, time, scope);
      return planUpdate(matched, { q, u: statement.u, upsert, arrayFilters, variables }, time, check);
    });
    if (plan.matched === 0 && !plan.inserted) return;
    const result = applyPlan(ctx.catalog.getOrCreate(ctx.db, name), plan);
    n += result.n;
    nModified += result.nModified;
    if (result.upsertedId !== undefined) upserted.push({ index, _id: result.upsertedId });
  });
  return reply(upserted.length ? { n, nModified, upserted } : { n, nModified }, errors);
};

const remove: CommandHandler = async (ctx) => {
  const deletes = statements(ctx, 'deletes');
  const name = targetCollection(ctx);
  const variables = docArg(ctx.body, 'let');
  let n = 0;
  const errors = await runBatch(ctx, deletes, (statement) => {
    const limit = Number(statement.limit ?? 0);
    if (limit !== 0 && limit !== 1)
      throw failedToParse(`The limit field in delete objects must be 0 or 1. Got ${limit}`);
    const filter = docArg(statement, 'q');
    const scope = { variables, collation: docArg(statement, 'collation') };
    const doomed = ctx.evaluate(isPlain(filter, variables), (time) =>
      selectDocuments(ctx, name, { filter, limit }, time, scope),
    );
    const collection = ctx.catalog.get(ctx.db, name);
    if (!collection) return;
    for (const doc of doomed) {
      collection.remove(doc);
      n++;
    }
  });
  return reply({ n }, errors);
};

/** insert, update and delete. */
export const writeCommands: Record<string, CommandHandler> = { insert, update, delete: remove };
