// What every command handler receives, and small readers for command arguments.
import type { Catalog } from './catalog.ts';
import type { Cursors } from './cursors.ts';
import { isPlainObject, type Doc } from './document-paths.ts';
import { toNumber } from './bson-order.ts';
import { typeMismatch } from './errors.ts';

/** The state and request a command runs against. */
export interface CommandContext {
  catalog: Catalog;
  cursors: Cursors;
  /** The database the command was sent to ($db). */
  db: string;
  /** The whole command document; its first key is the command name. */
  body: Doc;
  connectionId: number;
  /** Size of the whole wire message; a document can only be too large when this is. */
  messageBytes?: number;
}

/** A command: returns the reply document (ok:1 is added if missing) or throws a CommandError. */
export type CommandHandler = (ctx: CommandContext) => Doc;

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
