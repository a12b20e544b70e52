// Wraps the lesson's app so each request is logged with what it did: method, path, status,
// the database commands it sent (with how many documents came back) and the documents it
// inserted, updated or deleted; then, for a request that changes things, what its route
// still did after it had answered (lesson 06's pitfall: the song saved after the 201).
// Requests are handled one at a time, so every change is pinned on the right request. What the
// app's json-errors.ts reports (an error no route caught, a second answer) is said in the
// learner's language, without a stack dump.
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Connection } from 'mongoose';
import { quietFor } from '../lessons/progress-clock.ts';
import { paint } from '../terminal/terminal.ts';
import { answeredTwiceChannel, crashChannel } from '../../lessons/shared/json-errors.ts';
import { compareSnapshots, formatChanges, snapshotDatabase, type Snapshot } from './database-changes.ts';
import { explainError } from './explain-error.ts';
import { wrapLine } from './document-format.ts';
import type { Language } from '../progress/progress-store.ts';
import { logWords } from './log-words.ts';
import type { QueryLog } from './query-log.ts';

interface ReportOptions {
  queryLog: QueryLog;
  /** The native database to snapshot around each request; undefined shows requests only. */
  db: Connection['db'] | undefined;
  width: number;
  /** The language of the log's own words (default English). */
  language?: Language;
  /** Where the report goes (console.log unless a test listens). */
  print?: (text: string) => void;
}

/** Nothing under way and nothing happening this long: a request without an answer will not get one. */
const stuckAfterMs = 3000;
/** After the answer, work the route left running is followed until this much quiet… */
const lateQuietMs = 200;
/** …or this long at most, so one request never holds the next for long. */
const lateAtMostMs = 5000;

function statusColour(status: number): 'green' | 'yellow' | 'red' {
  return status >= 500 ? 'red' : status >= 400 ? 'yellow' : 'green';
}

/** What a lesson app publishes about a request that went wrong (lessons/shared/json-errors.ts). */
interface LessonAppFailure {
  request: string;
  error: unknown;
}

/** A request handler running `app` and printing a report after each request. */
export function reportRequests(app: RequestListener, options: ReportOptions): RequestListener {
  let queue: Promise<void> = Promise.resolve();
  // A second answer may come after the report of its request: said when it comes, naming the request.
  subscribe(answeredTwiceChannel, (message) => {
    const { request, error } = message as LessonAppFailure;
    const explained = explainError(error, 'answeredTwice', options.language);
    (options.print ?? console.log)(folded(`${request}: ${explained}`, '  ', options.width).join('\n'));
  });
  return (req, res) => {
    queue = queue.then(() => handleOne(app, req, res, options));
  };
}

async function snapshot(db: ReportOptions['db']): Promise<Snapshot | undefined> {
  if (!db) return undefined;
  try {
    return await snapshotDatabase(db);
  } catch {
    return undefined; // the report is a bonus: a failed read must not break the request
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** Resolves 'answered', or 'stuck' once nothing has happened for a while with no answer yet. */
function answerOf(app: RequestListener, req: IncomingMessage, res: ServerResponse): Promise<'answered' | 'stuck'> {
  const giveUp = new AbortController();
  return new Promise<'answered' | 'stuck'>((resolve) => {
    res.once('finish', () => resolve('answered'));
    res.once('close', () => resolve('answered'));
    void quietFor(stuckAfterMs, giveUp.signal).then(() => resolve('stuck'));
    app(req, res);
  }).finally(() => giveUp.abort());
}

async function handleOne(
  app: RequestListener,
  req: IncomingMessage,
  res: ServerResponse,
  options: ReportOptions,
): Promise<void> {
  const before = await snapshot(options.db);
  const started = performance.now();
  options.queryLog.begin();
  // Read before the app runs: a mounted router rewrites req.url to the part after its mount path.
  const target = `${req.method} ${req.url}`;
  // An error no route caught (the app answers 500): said under this request, since one runs at a time.
  const crashes: unknown[] = [];
  const onCrash = (message: unknown) => crashes.push((message as LessonAppFailure).error);
  subscribe(crashChannel, onCrash);
  const answer = await answerOf(app, req, res).finally(() => unsubscribe(crashChannel, onCrash));
  const ms = Math.round(performance.now() - started);
  const commands = options.queryLog.take();
  const after = before ? await snapshot(options.db) : undefined;

  const words = logWords(options.language ?? 'en');
  const head = `${paint('bold', '→')} ${paint('bold', target)}`;
  const lines: string[] =
    answer === 'answered'
      ? [`${head}  ${paint(statusColour(res.statusCode), String(res.statusCode))}  ${paint('dim', `${ms} ms`)}`]
      : [`${head}  ${paint('red', words.noAnswer)}: ${words.noAnswerWhy}`];
  const explained = crashes.map((error) => explainError(error, 'request', options.language));
  lines.push(...explained.flatMap((text) => folded(text, '    ', options.width)));
  lines.push(...described(commands, before, after, options));
  const print = options.print ?? console.log;
  print(lines.join('\n'));

  // Work the route left running after its answer: followed, and shown apart, for requests that change things.
  if (answer !== 'answered' || req.method === 'GET' || req.method === 'HEAD' || !options.db) return;
  await Promise.race([quietFor(lateQuietMs), sleep(lateAtMostMs)]);
  const late = options.queryLog.take();
  if (!late.length) return;
  const later = await snapshot(options.db);
  print(
    [paint(['bold', 'yellow'], `  ${words.afterAnswer(target)}`), ...described(late, after, later, options)].join('\n'),
  );
}

/** A text said in red, each of its lines indented and folded to the width. */
function folded(text: string, indent: string, width: number): string[] {
  return text.split('\n').map((line) => paint('red', wrapLine(`${indent}${line}`, width, `${indent}  `)));
}

/** The commands, then the changes to the documents, as indented lines. */
function described(
  commands: string[],
  before: Snapshot | undefined,
  after: Snapshot | undefined,
  options: ReportOptions,
): string[] {
  if (!options.db) return [];
  const indent = '    ';
  const width = options.width - indent.length;
  const lines = commands.map((command) => paint('dim', wrapLine(`query  ${command}`, width, `${indent}       `)));
  const changes =
    before && after ? formatChanges(compareSnapshots(before, after), paint, width, indent, options.language) : [];
  if (!lines.length && !changes.length)
    return [paint('dim', `${indent}${logWords(options.language ?? 'en').noQueries}`)];
  return [...lines, ...changes].map((line) => `${indent}${line}`);
}
