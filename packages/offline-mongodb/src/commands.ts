// The command table: finds the handler for a command document, runs it within its time
// budget, and shapes its reply.
import { aggregateCommands } from './aggregate-command.ts';
import { catalogCommands } from './catalog-commands.ts';
import { readMaxTimeMS, type CommandContext, type CommandHandler } from './command-context.ts';
import type { Doc } from './document-paths.ts';
import { DocumentSequence } from './document-sequence.ts';
import { CommandError, commandNotFound } from './errors.ts';
import { explainCommands } from './explain-command.ts';
import { findAndModifyCommands } from './find-and-modify.ts';
import { handshakeCommands } from './handshake-commands.ts';
import { indexCommands } from './index-commands.ts';
import { checkDatabaseName } from './namespace-rules.ts';
import { readCommands } from './read-commands.ts';
import { TimeLimit, timeLimitExceeded } from './time-limit.ts';
import { runInterruptible } from './watchdog.ts';
import { writeCommands } from './write-commands.ts';

const handlers = new Map<string, CommandHandler>(
  Object.entries({
    ...handshakeCommands,
    ...catalogCommands,
    ...indexCommands,
    ...readCommands,
    ...writeCommands,
    ...findAndModifyCommands,
    ...aggregateCommands,
    ...explainCommands,
  }),
);

// These decode their document sequences one statement at a time (see document-sequence.ts).
const BATCH_COMMANDS = new Set(['insert', 'update', 'delete']);

/** A decoded request, before the stand-in adds its evaluate() helper. */
type CommandRequest = Omit<CommandContext, 'evaluate'>;

/** Runs one command and returns its reply; failures become `{ ok: 0, ... }`, never exceptions. */
export function runCommand(request: CommandRequest): Doc | Promise<Doc> {
  const name = Object.keys(request.body)[0] ?? '';
  try {
    const handler = handlers.get(name);
    if (!handler) throw commandNotFound(name);
    // Like a standalone mongod: a transaction is refused at its first command, before it changes anything.
    if (request.body.txnNumber !== undefined) {
      throw new CommandError(
        20,
        'IllegalOperation',
        'Transaction numbers are only allowed on a replica set member or mongos',
      );
    }
    checkDatabaseName(request.db);
    if (!BATCH_COMMANDS.has(name)) decodeSequences(request.body);
    const ctx = withBudget(request, name === 'getMore' ? undefined : readMaxTimeMS(request.body));
    const reply = ctx.evaluate(true, () => handler(ctx));
    return reply instanceof Promise ? reply.catch(errorReply) : reply;
  } catch (error) {
    return errorReply(error);
  }
}

/**
 * The command with its evaluate(): each call gets what is left of maxTimeMS, but never more
 * than the stand-in's ceiling, so a long batch runs statement by statement within both.
 */
function withBudget(request: CommandRequest, maxTimeMS: number | undefined): CommandContext {
  const ceiling = request.settings.timeLimitMs;
  const ends = maxTimeMS ? performance.now() + maxTimeMS : Number.POSITIVE_INFINITY;
  // The budget of the synchronous work running now; none between the turns of a long batch.
  let running: TimeLimit | undefined;
  const evaluate = <T>(plain: boolean, work: (time: TimeLimit) => T): T => {
    // Plain work inside the request's own budget needs nothing more (the common case, kept cheap).
    if (plain && !maxTimeMS && running) return work(running);
    const left = maxTimeMS ? ends - performance.now() : Number.POSITIVE_INFINITY;
    if (left <= 0) throw timeLimitExceeded(false);
    const byCeiling = ceiling <= left;
    const outer = running;
    const time = TimeLimit.after(byCeiling ? ceiling : left, byCeiling, outer);
    running = time;
    try {
      return plain ? work(time) : runInterruptible(() => work(time), time);
    } finally {
      running = outer;
    }
  };
  return Object.assign(request, { evaluate });
}

function decodeSequences(body: Doc): void {
  for (const key in body)
    if (body[key] instanceof DocumentSequence) body[key] = (body[key] as DocumentSequence).toArray();
}

function errorReply(error: unknown): Doc {
  if (error instanceof CommandError) return error.toReply();
  // A bug in the stand-in: report it to the client as mongod reports internal errors.
  const message = error instanceof Error ? error.message : String(error);
  return { ok: 0, errmsg: message, code: 1, codeName: 'InternalError' };
}
