// explain: the plan of a find, aggregate, count, distinct, update or delete, in mongod's
// shape (queryPlanner.winningPlan with COLLSCAN, IXSCAN or IDHACK), and with
// executionStats when asked, so a learner can see an index at work.
import { docArg, numberArg, type CommandContext, type CommandHandler } from './command-context.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { failedToParse } from './errors.ts';
import { isPlain } from './query-risk.ts';
import { planQuery } from './query-plan.ts';
import { selectDocuments } from './read-commands.ts';

const VERBOSITIES = ['queryPlanner', 'executionStats', 'allPlansExecution'];

/** What an explained command reads: its collection, filter and the stages around the scan. */
interface Explained {
  collection: string;
  filter?: Doc;
  sort?: Doc;
  skip?: number;
  limit?: number;
  projection?: Doc;
  /** The stage mongod puts on top (COUNT, DELETE, UPDATE...), if any. */
  top?: string;
  /** For aggregate: the pipeline after its leading $match stages. */
  rest?: Doc[];
}

function describe(command: Doc): Explained {
  const name = Object.keys(command)[0];
  const collection = String(command[name]);
  const first = (list: unknown) => (Array.isArray(list) && isPlainObject(list[0]) ? list[0] : {});
  switch (name) {
    case 'find': {
      const [skip, limit] = [numberArg(command, 'skip'), numberArg(command, 'limit')];
      const [sort, projection] = [docArg(command, 'sort'), docArg(command, 'projection')];
      return { collection, filter: docArg(command, 'filter'), sort, skip, limit, projection };
    }
    case 'count':
      return { collection, filter: docArg(command, 'query'), top: 'COUNT' };
    case 'distinct':
      return { collection, filter: docArg(command, 'query'), top: 'PROJECTION_COVERED' };
    case 'delete':
      return { collection, filter: docArg(first(command.deletes), 'q'), top: 'DELETE' };
    case 'update':
      return { collection, filter: docArg(first(command.updates), 'q'), top: 'UPDATE' };
    case 'findAndModify':
    case 'findandmodify':
      return { collection, filter: docArg(command, 'query'), top: command.remove ? 'DELETE' : 'UPDATE' };
    case 'aggregate': {
      const pipeline = (Array.isArray(command.pipeline) ? command.pipeline : []) as Doc[];
      const leading = pipeline.findIndex((stage) => !isPlainObject(stage.$match));
      const matches = (leading < 0 ? pipeline : pipeline.slice(0, leading)).map((stage) => stage.$match as Doc);
      const filter = matches.length === 1 ? matches[0] : matches.length ? { $and: matches } : undefined;
      return { collection, filter, rest: leading < 0 ? [] : pipeline.slice(leading) };
    }
    default:
      throw failedToParse(`Explain failed due to unknown command: ${name}`);
  }
}

function winningPlan(base: Doc, explained: Explained): Doc {
  // An _id lookup is a plan of its own in mongod: nothing around it.
  if (base.stage === 'IDHACK') return explained.top ? { stage: explained.top, inputStage: base } : base;
  let stage = base;
  if (explained.sort && Object.keys(explained.sort).length)
    stage = { stage: 'SORT', sortPattern: explained.sort, inputStage: stage };
  if (explained.skip) stage = { stage: 'SKIP', skipAmount: explained.skip, inputStage: stage };
  if (explained.limit) stage = { stage: 'LIMIT', limitAmount: Math.abs(explained.limit), inputStage: stage };
  if (explained.projection && Object.keys(explained.projection).length)
    stage = { stage: 'PROJECTION_DEFAULT', transformBy: explained.projection, inputStage: stage };
  if (explained.top) stage = { stage: explained.top, inputStage: stage };
  return stage;
}

/** Runs an explain for `ctx`'s db; also used by aggregate's explain: true option. */
export function explainCommand(ctx: CommandContext, command: Doc, verbosity: string): Doc {
  const explained = describe(command);
  const collection = ctx.catalog.get(ctx.db, explained.collection);
  const namespace = `${ctx.db}.${explained.collection}`;
  return ctx.evaluate(isPlain(explained.filter), (time) => {
    const started = performance.now();
    const plan = planQuery(collection, explained.filter ?? {});
    const queryPlanner = {
      namespace,
      indexFilterSet: false,
      parsedQuery: explained.filter ?? {},
      maxIndexedOrSolutionsReached: false,
      maxIndexedAndSolutionsReached: false,
      maxScansToExplodeReached: false,
      winningPlan: winningPlan(plan.stage, explained),
      rejectedPlans: [],
    };
    const reply: Doc = { explainVersion: '1' };
    if (explained.rest) reply.stages = [{ $cursor: { queryPlanner } }, ...explained.rest];
    else reply.queryPlanner = queryPlanner;
    if (verbosity !== 'queryPlanner') {
      const { filter, sort, skip, limit } = explained;
      const returned = selectDocuments(
        ctx,
        explained.collection,
        {
          filter,
          sort,
          skip,
          limit: limit && Math.abs(limit),
        },
        time,
      );
      reply.executionStats = {
        executionSuccess: true,
        nReturned: returned.length,
        executionTimeMillis: Math.round(performance.now() - started),
        totalKeysExamined: plan.keysExamined,
        totalDocsExamined: plan.docsExamined,
        executionStages: queryPlanner.winningPlan,
      };
    }
    const serverInfo = { host: 'localhost', port: 27017, version: '7.0.0', gitVersion: 'playground-standin' };
    return { ...reply, command: { ...command, $db: ctx.db }, serverInfo, ok: 1 };
  });
}

const explain: CommandHandler = (ctx) => {
  const command = ctx.body.explain;
  if (!isPlainObject(command)) throw failedToParse('explain command requires a nested object');
  const verbosity = typeof ctx.body.verbosity === 'string' ? ctx.body.verbosity : 'allPlansExecution';
  if (!VERBOSITIES.includes(verbosity))
    throw failedToParse(`verbosity string must be one of {'queryPlanner', 'executionStats', 'allPlansExecution'}`);
  return explainCommand(ctx, command, verbosity);
};

/** The explain command. */
export const explainCommands: Record<string, CommandHandler> = { explain };
