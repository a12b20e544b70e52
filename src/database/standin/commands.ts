// The command table: finds the handler for a command document and shapes its reply.
import { aggregateCommands } from './aggregate-command.ts';
import { catalogCommands } from './catalog-commands.ts';
import type { CommandContext, CommandHandler } from './command-context.ts';
import type { Doc } from './document-paths.ts';
import { CommandError, commandNotFound } from './errors.ts';
import { findAndModifyCommands } from './find-and-modify.ts';
import { handshakeCommands } from './handshake-commands.ts';
import { indexCommands } from './index-commands.ts';
import { readCommands } from './read-commands.ts';
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
  }),
);

/** Runs one command and returns its reply; failures become `{ ok: 0, ... }`, never exceptions. */
export function runCommand(ctx: CommandContext): Doc {
  const name = Object.keys(ctx.body)[0] ?? '';
  try {
    const handler = handlers.get(name);
    if (!handler) throw commandNotFound(name);
    // Like a standalone mongod: a transaction is refused at its first command, before it changes anything.
    if (ctx.body.txnNumber !== undefined) {
      throw new CommandError(
        20,
        'IllegalOperation',
        'Transaction numbers are only allowed on a replica set member or mongos',
      );
    }
    return handler(ctx);
  } catch (error) {
    if (error instanceof CommandError) return error.toReply();
    // A bug in the stand-in: report it to the client as mongod reports internal errors.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: 0, errmsg: message, code: 1, codeName: 'InternalError' };
  }
}
