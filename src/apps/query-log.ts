// The database commands a request sends, as the MongoDB driver's command monitoring sees them
// (the lesson world connects with monitorCommands): Mongoose's queries and the native
// driver's alike (listCollections, drop…), each with what came back. The report takes them
// once at the answer and again later: what came after is work a route left running (lesson 06).
import type { EventEmitter } from 'node:events';
import type { Language } from '../progress/progress-store.ts';
import { formatValue } from './document-format.ts';
import { logWords, type LogWords } from './log-words.ts';

export interface QueryLog {
  /** Starts a fresh list (for the next request). */
  begin(): void;
  /** The commands since begin(), each as a readable line (and takes them away). */
  take(): string[];
  /** Stops listening to the client. */
  detach(): void;
}

interface Started {
  commandName: string;
  requestId: number;
  command: Record<string, unknown>;
}
interface Succeeded {
  requestId: number;
  reply: Record<string, unknown>;
}

// The driver's housekeeping: no learner's code asked for these.
const housekeeping = new Set([
  'hello',
  'ismaster',
  'isMaster',
  'ping',
  'buildInfo',
  'endSessions',
  'killCursors',
  'getMore',
]);

/**
 * The comment on the log's own reads of the database (to show what a request changed): the
 * log is not the learner's app, so those commands are not listed as the app's queries.
 */
export const ownReadComment = 'playground request log: its own read';

/** What a command asked, e.g. `songs.find({ mood: "calm" })`. */
function describe(name: string, command: Record<string, unknown>): string {
  const collection = typeof command[name] === 'string' ? `${command[name]}.` : '';
  const parts: unknown[] = [];
  if (name === 'find') parts.push(command.filter ?? {}, ...(command.sort ? [{ sort: command.sort }] : []));
  else if (name === 'insert') parts.push(...((command.documents as unknown[]) ?? []));
  else if (name === 'update')
    parts.push(...((command.updates as { q: unknown; u: unknown }[]) ?? []).flatMap((one) => [one.q, one.u]));
  else if (name === 'delete') parts.push(...((command.deletes as { q: unknown }[]) ?? []).map((one) => one.q));
  else if (name === 'findAndModify') parts.push(command.query ?? {}, command.remove ? 'remove' : command.update);
  else if (name === 'aggregate') parts.push(command.pipeline);
  else if (name === 'count' || name === 'distinct') parts.push(command.query ?? {});
  return `${collection}${name}(${parts.map((part) => formatValue(part)).join(', ')})`;
}

/** What came back, when it says something a learner wants to know (how many). */
function outcome(name: string, reply: Record<string, unknown>, words: LogWords): string {
  const cursor = reply.cursor as { firstBatch?: unknown[]; id?: unknown } | undefined;
  if (cursor?.firstBatch)
    return ` → ${words.documents(cursor.firstBatch.length, Boolean(cursor.id) && String(cursor.id) !== '0')}`;
  if (name === 'insert' || name === 'delete' || name === 'update')
    return ` → ${words.written(Number(reply.n ?? 0), name)}`;
  if (name === 'findAndModify') return reply.value ? ` → ${words.documents(1, false)}` : ` → ${words.none}`;
  return '';
}

/** Listens to `client`'s command monitoring; nothing is printed, commands are only collected (said in `language`). */
export function attachQueryLog(client: EventEmitter, language: Language = 'en'): QueryLog {
  const words = logWords(language);
  let current: { line: string; name: string }[] | undefined;
  const pending = new Map<number, { line: string; name: string }>();
  const onStarted = (event: Started) => {
    if (!current || housekeeping.has(event.commandName) || event.command.comment === ownReadComment) return;
    const entry = { line: describe(event.commandName, event.command), name: event.commandName };
    pending.set(event.requestId, entry);
    current.push(entry);
  };
  /** Adds what came back to the line of the command `requestId`. */
  const settle = (requestId: number, said: (name: string) => string) => {
    const entry = pending.get(requestId);
    pending.delete(requestId);
    if (entry) entry.line += said(entry.name);
  };
  const onSucceeded = (event: Succeeded) => settle(event.requestId, (name) => outcome(name, event.reply, words));
  const onFailed = (event: { requestId: number; failure: Error }) =>
    settle(event.requestId, () => ` → ${words.failed(event.failure.message)}`);
  client.on('commandStarted', onStarted);
  client.on('commandSucceeded', onSucceeded);
  client.on('commandFailed', onFailed);
  return {
    begin() {
      current = [];
    },
    take() {
      const taken = current ?? [];
      current = [];
      return taken.map(({ line }) => line);
    },
    detach() {
      current = undefined;
      client.off('commandStarted', onStarted);
      client.off('commandSucceeded', onSucceeded);
      client.off('commandFailed', onFailed);
    },
  };
}
