// What every command handler receives, and small readers for command arguments.
import { isPlainObject, type Doc } from './document-paths.ts';
import { toNumber } from './bson-order.ts';
import { badValue, typeMismatch } from './errors.ts';
import type { ServerState } from './server-state.ts';
import type { TimeLimit } from './time-limit.ts';

/** The state and request a command runs against. */
export interface CommandContext extends ServerState {
  /** The database the command was sent to ($db). */
  db: string;
  /** The whole command document; its first key is the command name. */
  body: Doc;
  connectionId: number;
  /** Size of the whole wire message; a document can only be too large when this is. */
  messageBytes?: number;
  /**
   * Runs `work` within the request's time budget, which it hands to `work`. Work that is not
   * `plain` (see query-risk.ts) also runs under the watchdog, which can stop it anywhere: so it
   * must only read.
   */
  evaluate<T>(plain: boolean, work: (time: TimeLimit) => T): T;
}

/** A command: returns the reply document, or a promise of it for long batches, or throws a CommandError. */
export type CommandHandler = (ctx: CommandContext) => Doc | Promise<Doc>;

/** The collection name a command names in its first field (e.g. { find: "songs" }). */
export function targetCollection(ctx: CommandContext): string {
  const name = ctx.body[Object.keys(ctx.body)[0]];
  if (typeof name !== 'string') {
    throw typeMismatch(`collection name has invalid type ${Array.isArray(name) ? 'array' : typeof name}`);
  }
  return name;
}

/** An optional numeric argument (int32, double or Long) as a JS number. */
export function numberArg(body: Doc, name: string): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  const number = toNumber(value);
  if (Number.isNaN(number)) throw typeMismatch(`Field '${name}' should be a number`);
  return number;
}

/** An optional document argument. */
export function docArg(body: Doc, name: string): Doc | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw typeMismatch(`Field '${name}' should be an object, not ${typeof value}`);
  return value;
}

/** The request's maxTimeMS (undefined for none, like 0), refused like mongod when it is not a usable number. */
export function readMaxTimeMS(body: Doc): number | undefined {
  const value = body.maxTimeMS;
  if (value === undefined || value === null) return undefined;
  const ms = toNumber(value);
  if (Number.isNaN(ms)) throw badValue('maxTimeMS must be a number');
  if (ms < 0 || ms > 2 ** 31 - 1) throw badValue('maxTimeMS is out of range');
  if (!Number.isInteger(ms)) throw badValue('maxTimeMS has non-integral value');
  return ms || undefined;
}
