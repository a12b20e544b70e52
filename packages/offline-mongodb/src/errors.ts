// Errors a command can fail with, shaped like mongod's so drivers and learners see the real thing.

/** A command failure that becomes `{ ok: 0, errmsg, code, codeName }` on the wire. */
export class CommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra fields mongod adds to some errors (keyPattern, keyValue, ...). */
  readonly extra: Record<string, unknown>;

  constructor(code: number, codeName: string, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.codeName = codeName;
    this.extra = extra;
  }

  /** The reply document for this error. */
  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }
}

/** code 2: a malformed argument, e.g. an unknown query operator. */
export const badValue = (message: string) => new CommandError(2, 'BadValue', message);
/** code 9: a command document that cannot be parsed. */
export const failedToParse = (message: string) => new CommandError(9, 'FailedToParse', message);
/** code 14: an argument of the wrong BSON type. */
export const typeMismatch = (message: string) => new CommandError(14, 'TypeMismatch', message);
/** code 26: the collection or database does not exist. */
export const namespaceNotFound = (message = 'ns not found') => new CommandError(26, 'NamespaceNotFound', message);
/** code 27: the named index does not exist. */
export const indexNotFound = (message: string) => new CommandError(27, 'IndexNotFound', message);
/** code 48: the collection already exists. */
export const namespaceExists = (message: string) => new CommandError(48, 'NamespaceExists', message);
/** code 59: the command is not one the stand-in knows. */
export const commandNotFound = (name: string) => new CommandError(59, 'CommandNotFound', `no such command: '${name}'`);
/** code 66: an update tried to change `_id`. */
export const immutableField = (message: string) => new CommandError(66, 'ImmutableField', message);
/** code 43: getMore on a cursor that is gone. */
export const cursorNotFound = (id: string) => new CommandError(43, 'CursorNotFound', `cursor id ${id} not found`);
/** code 175: getMore on a cursor whose collection went (dropped, renamed) since it was opened. */
export const queryPlanKilled = (message: string) => new CommandError(175, 'QueryPlanKilled', message);
/** code 73: a collection name mongod would refuse. */
export const invalidNamespace = (message: string) => new CommandError(73, 'InvalidNamespace', message);
/** code 85/86: an index that clashes with an existing one. */
export const indexOptionsConflict = (message: string) => new CommandError(85, 'IndexOptionsConflict', message);
export const indexKeySpecsConflict = (message: string) => new CommandError(86, 'IndexKeySpecsConflict', message);
