// findAndModify (findOneAndUpdate / Replace / Delete): one document, changed and returned.
import { docArg, targetCollection, type CommandHandler } from './command-context.ts';
import type { Doc } from './document-paths.ts';
import { failedToParse } from './errors.ts';
import { TimeLimit } from './time-limit.ts';
import { projectDocuments } from './projection.ts';
import { validationFor, validatorIsPlain } from './document-validation.ts';
import { isPlain } from './query-risk.ts';
import { selectDocuments } from './read-commands.ts';
import { applyPlan, planUpdate } from './update-plan.ts';

const findAndModify: CommandHandler = (ctx) => {
  const name = targetCollection(ctx);
  const query = docArg(ctx.body, 'query');
  const fields = docArg(ctx.body, 'fields');
  const remove = ctx.body.remove === true;
  const update = ctx.body.update;
  if (remove && update !== undefined) throw failedToParse('Cannot specify both an update and remove=true');
  if (!remove && update === undefined) throw failedToParse('Either an update or remove=true must be specified');
  if (remove && ctx.body.upsert === true) throw failedToParse('Cannot specify both upsert=true and remove=true');
  const upsert = ctx.body.upsert === true;
  const arrayFilters = Array.isArray(ctx.body.arrayFilters) ? (ctx.body.arrayFilters as Doc[]) : undefined;
  const variables = docArg(ctx.body, 'let');
  const sort = docArg(ctx.body, 'sort');
  // One document, shaped after the write: nothing there to stop.
  const shape = (doc: Doc | undefined) => (doc ? projectDocuments([doc], fields, TimeLimit.none(), query)[0] : null);
  // Everything that reads is worked out first, within the time budget; only then is anything written.
  const existing = ctx.catalog.get(ctx.db, name);
  const check = validationFor(existing, ctx.body.bypassDocumentValidation === true);
  const plain = isPlain(query, update, fields, arrayFilters, variables) && validatorIsPlain(existing);
  const { found, plan } = ctx.evaluate(plain, (time) => {
    const [found] = selectDocuments(ctx, name, { filter: query, sort, limit: 1 }, time);
    if (remove || (!found && !upsert)) return { found, plan: undefined };
    const statement = { q: query, u: update, upsert, arrayFilters, variables };
    return { found, plan: planUpdate(found ? [found] : [], statement, time, check) };
  });

  if (remove) {
    if (found) ctx.catalog.get(ctx.db, name)!.remove(found);
    return { lastErrorObject: { n: found ? 1 : 0 }, value: shape(found), ok: 1 };
  }
  if (!plan) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  const result = applyPlan(ctx.catalog.getOrCreate(ctx.db, name), plan);
  const lastErrorObject: Doc = { n: 1, updatedExisting: Boolean(found) };
  if (result.upsertedId !== undefined) lastErrorObject.upserted = result.upsertedId;
  return { lastErrorObject, value: shape(ctx.body.new === true ? plan.results[0] : found), ok: 1 };
};

/** findAndModify, under both spellings drivers have used. */
export const findAndModifyCommands: Record<string, CommandHandler> = { findAndModify, findandmodify: findAndModify };
