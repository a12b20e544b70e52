// MongoDB's wire format: reading OP_MSG / OP_QUERY requests and writing OP_MSG / OP_REPLY
// replies. Anything malformed throws; the connection then closes (see connection.ts).
import { BSON } from 'bson';
import type { Doc } from './document-paths.ts';
import { DocumentSequence } from './document-sequence.ts';
import { keepStoredDoubles } from './integral-doubles.ts';

const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_MSG = 2013;
export const MAX_MESSAGE_BYTES = 48_000_000;
export const MAX_BSON_BYTES = 16 * 1024 * 1024;

const CHECKSUM_PRESENT = 1;
const MORE_TO_COME = 2;

// Longs stay Long so int64 values round-trip exactly; int32 and double become JS numbers.
const DESERIALIZE: BSON.DeserializeOptions = { promoteLongs: false, validation: { utf8: false } };
const SERIALIZE: BSON.SerializeOptions = { ignoreUndefined: true };

/** One decoded request: the command document and how to answer it. */
export interface Request {
  requestId: number;
  opCode: typeof OP_MSG | typeof OP_QUERY;
  /** The command, with OP_MSG document sequences (kind 1) folded in as DocumentSequences. */
  command: Doc;
  /** For OP_QUERY: the "db.$cmd" namespace's database. */
  legacyDb?: string;
  /** The client asked for no reply (unacknowledged write). */
  noReply: boolean;
}

function readDocument(message: Buffer, at: number, end: number): [Doc, number] {
  if (at + 5 > end) throw new Error('truncated BSON document');
  const size = message.readInt32LE(at);
  if (size < 5 || at + size > end) throw new Error('bad BSON document length');
  return [BSON.deserialize(message.subarray(at, at + size), DESERIALIZE) as Doc, at + size];
}

function readCString(message: Buffer, at: number, end: number): [string, number] {
  const zero = message.indexOf(0, at);
  if (zero < 0 || zero >= end) throw new Error('unterminated cstring');
  return [message.toString('utf8', at, zero), zero + 1];
}

/** Decodes one whole message (header included). Throws on anything it cannot read. */
export function parseRequest(message: Buffer): Request {
  const requestId = message.readInt32LE(4);
  const opCode = message.readInt32LE(12);
  if (opCode === OP_MSG) return parseOpMsg(message, requestId);
  if (opCode === OP_QUERY) return parseOpQuery(message, requestId);
  throw new Error(`unsupported opCode ${opCode}`);
}

function parseOpMsg(message: Buffer, requestId: number): Request {
  const flags = message.readUInt32LE(16);
  // Unknown required flag bits (0-15) must make us close the connection, per the spec.
  if (flags & 0xfffc) throw new Error(`unknown OP_MSG flags ${flags}`);
  const end = message.length - (flags & CHECKSUM_PRESENT ? 4 : 0);
  let at = 20;
  let command: Doc | undefined;
  const sequences: [string, DocumentSequence][] = [];
  while (at < end) {
    const kind = message[at++];
    if (kind === 0) {
      if (command) throw new Error('two body sections');
      const start = at;
      [command, at] = readDocument(message, at, end);
      keepStoredDoubles(command, message, start, 'body');
    } else if (kind === 1) {
      const size = message.readInt32LE(at);
      const sectionEnd = at + size;
      if (size < 5 || sectionEnd > end) throw new Error('bad document sequence length');
      let name: string;
      [name, at] = readCString(message, at + 4, sectionEnd);
      // Only the framing is checked here; each document is decoded when its statement runs.
      const starts: number[] = [];
      while (at < sectionEnd) {
        const size = at + 5 <= sectionEnd ? message.readInt32LE(at) : 0;
        if (size < 5 || at + size > sectionEnd) throw new Error('bad BSON document length');
        starts.push(at);
        at += size;
      }
      sequences.push([name, new DocumentSequence(name, message, starts, DESERIALIZE)]);
    } else throw new Error(`unknown OP_MSG section kind ${kind}`);
  }
  if (!command) throw new Error('OP_MSG without a body');
  for (const [name, docs] of sequences) command[name] = docs;
  return { requestId, opCode: OP_MSG, command, noReply: (flags & MORE_TO_COME) !== 0 };
}

function parseOpQuery(message: Buffer, requestId: number): Request {
  const [namespace, at] = readCString(message, 20, message.length);
  let [query] = readDocument(message, at + 8, message.length);
  // Old drivers wrap the command as { $query: {...}, $readPreference: ... }.
  if (query.$query && typeof query.$query === 'object') query = query.$query as Doc;
  const dot = namespace.indexOf('.');
  return { requestId, opCode: OP_QUERY, command: query, legacyDb: namespace.slice(0, dot), noReply: false };
}

function header(length: number, responseTo: number, opCode: number): Buffer {
  const head = Buffer.alloc(16);
  head.writeInt32LE(length, 0);
  head.writeInt32LE(0, 4);
  head.writeInt32LE(responseTo, 8);
  head.writeInt32LE(opCode, 12);
  return head;
}

/** The bytes of a reply to `request` carrying `reply`. */
export function encodeReply(request: Request, reply: Doc): Buffer {
  const body = BSON.serialize(reply, SERIALIZE);
  if (request.opCode === OP_MSG) {
    const prefix = Buffer.alloc(5); // flagBits 0, section kind 0
    return Buffer.concat([header(16 + 5 + body.length, request.requestId, OP_MSG), prefix, body]);
  }
  const fields = Buffer.alloc(20); // responseFlags, cursorID (int64), startingFrom, numberReturned
  fields.writeInt32LE(1, 16);
  return Buffer.concat([header(16 + 20 + body.length, request.requestId, OP_REPLY), fields, body]);
}
