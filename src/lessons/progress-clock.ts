// "Is anything still happening?", asked in a process running a lesson's code (a check's test
// worker, a lesson's app), so that code waiting for something that never comes can be told
// from code on a slow machine.
//
// Work the learner's code waits on is counted while it is under way: database commands
// (the driver's command monitoring), requests the storage server is answering, and requests
// to other machines (a real ImageKit). Quiet time grows only while none of these is under
// way and nothing happened at all (no command, no request or answer of any server or client
// in this process). A slow or busy machine makes the work slower, never quiet: a request
// under way on a starved database is still under way. And each tick adds at most its own
// interval, so time the process was not even scheduled (a busy machine) or spent computing
// (the event loop blocked) never counts as quiet.
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import type { EventEmitter } from 'node:events';

const tickMs = 50;
const loopback = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

let underWay = 0;
let happened = 0;
let started = false;
/** A wait for quiet: `quiet` counts from the moment it began, not from before. */
interface Waiter {
  ms: number;
  /** 'quiet': nothing under way and nothing happening; 'silent': nothing happening, even with work under way. */
  kind: 'quiet' | 'silent';
  elapsed: number;
  resolve: () => void;
}
const waiters = new Set<Waiter>();
const externalRequests = new WeakSet<ClientRequest>();
const storageRequests = new WeakSet<IncomingMessage>();

/** The port of the playground's local storage, read from the env the lesson world sets. */
function storagePort(): number | undefined {
  const endpoint = process.env.IMAGEKIT_UPLOAD_ENDPOINT;
  if (!endpoint) return undefined;
  try {
    return Number(new URL(endpoint).port) || undefined;
  } catch {
    return undefined;
  }
}

function begin(): void {
  underWay++;
  happened++;
}

function finish(): void {
  underWay = Math.max(0, underWay - 1);
  happened++;
}

function onClientStart(message: unknown): void {
  const { request } = message as { request: ClientRequest };
  happened++;
  if (!loopback.has(request.host)) {
    externalRequests.add(request);
    underWay++;
  }
}

function onClientEnd(message: unknown): void {
  const { request } = message as { request: ClientRequest };
  happened++;
  if (externalRequests.delete(request)) underWay = Math.max(0, underWay - 1);
}

function onServerStart(message: unknown): void {
  const { request, socket } = message as { request: IncomingMessage; socket: Socket };
  happened++;
  if (socket.localPort === undefined || socket.localPort !== storagePort()) return;
  storageRequests.add(request);
  underWay++;
  // An upload cut off half-way never gets an answer: its end still ends the wait.
  request.once('close', () => {
    if (storageRequests.delete(request)) finish();
  });
}

function onServerEnd(message: unknown): void {
  const { request } = message as { request: IncomingMessage };
  if (storageRequests.delete(request)) finish();
  else happened++;
}

function start(): void {
  if (started) return;
  started = true;
  diagnostics.subscribe('http.client.request.start', onClientStart);
  diagnostics.subscribe('http.client.response.finish', onClientEnd);
  diagnostics.subscribe('http.client.request.error', onClientEnd);
  diagnostics.subscribe('http.server.request.start', onServerStart);
  diagnostics.subscribe('http.server.response.finish', onServerEnd);
  let seen = happened;
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    const elapsed = Math.min(now - last, tickMs);
    last = now;
    const active = happened !== seen;
    const busy = underWay > 0 || active;
    seen = happened;
    for (const waiter of waiters) {
      const reset = waiter.kind === 'quiet' ? busy : active;
      waiter.elapsed = reset ? 0 : waiter.elapsed + elapsed;
      if (waiter.elapsed >= waiter.ms) waiter.resolve();
    }
  }, tickMs);
  timer.unref();
}

/**
 * Counts a MongoDB client's commands as work under way. The client must have been made with
 * `monitorCommands: true` (the lesson world connects Mongoose that way).
 */
export function watchDatabaseClient(client: EventEmitter): void {
  start();
  client.on('commandStarted', begin);
  client.on('commandSucceeded', finish);
  client.on('commandFailed', finish);
}

/** Counts `work` (a process of the learner's starting, say) as under way until it settles. */
export function underWayWhile<T>(work: Promise<T>): Promise<T> {
  start();
  begin();
  return work.finally(finish);
}

/** Resolves once, from now on, nothing has been under way or happened for `ms` on end; `signal` gives up. */
export function quietFor(ms: number, signal?: AbortSignal): Promise<void> {
  return waitFor('quiet', ms, signal);
}

/** Resolves once, from now on, nothing has happened for `ms` on end, even with work under way. */
export function silentFor(ms: number, signal?: AbortSignal): Promise<void> {
  return waitFor('silent', ms, signal);
}

function waitFor(kind: Waiter['kind'], ms: number, signal?: AbortSignal): Promise<void> {
  start();
  return new Promise((resolve) => {
    const waiter: Waiter = {
      ms,
      kind,
      elapsed: 0,
      resolve: () => {
        waiters.delete(waiter);
        resolve();
      },
    };
    waiters.add(waiter);
    signal?.addEventListener('abort', () => waiters.delete(waiter), { once: true });
  });
}
