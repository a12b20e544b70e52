// Wraps the lesson's app so each request is logged with what it did: method, path, status,
// the Mongoose queries it sent and the documents it inserted, updated or deleted.
// Requests are handled one at a time, so every change is pinned on the right request.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Connection } from 'mongoose';
import { compareSnapshots, formatChanges, snapshotDatabase, type Snapshot } from './database-changes.ts';
import type { QueryLog } from './query-log.ts';
import { paint } from '../runner/terminal.ts';

export interface ReportOptions {
  queryLog: QueryLog;
  /** The native database to snapshot around each request; undefined shows requests only. */
  db: Connection['db'] | undefined;
  width: number;
}

// A route that never answers would hold every later request; after this long we say so and move on.
const answerTimeoutMs = 10_000;

function statusColour(status: number): 'green' | 'yellow' | 'red' {
  return status >= 500 ? 'red' : status >= 400 ? 'yellow' : 'green';
}

/** A request handler running `app` and printing a report after each request. */
export function reportRequests(app: RequestListener, options: ReportOptions): RequestListener {
  let queue: Promise<void> = Promise.resolve();
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
  let timer: NodeJS.Timeout | undefined;
  const answered = await new Promise<boolean>((resolve) => {
    res.once('finish', () => resolve(true));
    res.once('close', () => resolve(res.writableFinished));
    timer = setTimeout(() => resolve(false), answerTimeoutMs);
    timer.unref();
    app(req, res);
  });
  clearTimeout(timer);
  const ms = Math.round(performance.now() - started);
  const queries = options.queryLog.end();
  const after = before ? await snapshot(options.db) : undefined;

  const lines: string[] = [];
  if (answered)
    lines.push(
      `${paint('bold', '→')} ${paint('bold', target)}  ${paint(statusColour(res.statusCode), String(res.statusCode))}  ${paint('dim', `${ms} ms`)}`,
    );
  else
    lines.push(
      `${paint('bold', '→')} ${paint('bold', target)}  ${paint('red', `no answer after ${answerTimeoutMs / 1000} s`)}: does the route forget to send a response (res.json, res.send)?`,
    );
  if (options.db) {
    lines.push(
      ...(queries.length
        ? queries.map((query) => paint('dim', `    query  ${query}`))
        : [paint('dim', '    no database queries')]),
    );
    if (before && after) {
      const changes = formatChanges(compareSnapshots(before, after), paint, options.width - 4);
      lines.push(
        ...(changes.length ? changes.map((line) => `    ${line}`) : [paint('dim', '    the database did not change')]),
      );
    }
  }
  console.log(lines.join('\n'));
}
