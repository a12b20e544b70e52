// The check as a lesson's test file sees it (tests/support/use-lesson.ts), from inside its
// test worker: the worker's end of the check channel (it says which lesson copy it runs and
// which test is under way, and waits for the check to hand over the database and say "go"),
// and the loading of the learner's code marked for the stuck-code watch.
// Outside a check (a plain `npx vitest`) there is no channel: no services, and go at once.
import { connect, type Socket } from 'node:net';
import { inject } from 'vitest';
import { quietFor, silentFor } from '../lessons/progress-clock.ts';
import { readJsonLines, writeJsonLine } from './json-lines.ts';
import type { ChannelMessage, CheckServices, WorkerMessage } from './wire.ts';
import { nextPhase } from './worker/watchdog.ts';

const project = inject('checkProject');
/** The channel's address, in a lesson project of a check's vitest. */
export const channelAddress = project ? inject('checkChannel') : undefined;
/** When this worker's code counts as stuck, where not the defaults. */
export const stuckLimits = project?.limits ?? {};

let socket: Socket | undefined;
let services: Promise<CheckServices> | undefined;
let go: Promise<void> | undefined;
let goSaid = false;

/** Connects and says hello, once; a no-op outside a check. */
export function joinCheck(): void {
  if (!channelAddress || socket) return;
  socket = connect(channelAddress);
  socket.unref();
  let resolveServices!: (services: CheckServices) => void;
  let refuseServices!: (error: Error) => void;
  let resolveGo!: () => void;
  services = new Promise((resolve, reject) => {
    resolveServices = resolve;
    refuseServices = reject;
  });
  services.catch(() => undefined);
  go = new Promise((resolve) => (resolveGo = resolve));
  readJsonLines<ChannelMessage>(socket, (message) => {
    if (message.type === 'services') resolveServices(message.services);
    if (message.type === 'no-services') refuseServices(new Error(message.reason));
    if (message.type === 'go') {
      goSaid = true;
      resolveGo();
    }
  });
  // The check went away (it was stopped): nothing of this worker may outlive it.
  socket.on('close', () => process.kill(process.pid, 'SIGKILL'));
  socket.on('error', () => undefined);
  tell({ type: 'hello', project: project?.name ?? '', pid: process.pid });
}

/** Sends a message to the check; a no-op outside a check. */
export function tell(message: WorkerMessage): void {
  if (socket) writeJsonLine(socket, message);
}

/** The database the check made for this run, or undefined outside a check. */
export function servicesFromCheck(): Promise<CheckServices> | undefined {
  return services;
}

/** Is this worker waiting for go? A one-off check says it with the services; watch and the menu wait for a save. */
export function waitingForGo(): boolean {
  return Boolean(channelAddress) && !goSaid;
}

/** Resolves when the check says the run may start (at once for a cold check; at the learner's save in watch). */
export function goFromCheck(): Promise<void> {
  return go ?? Promise.resolve();
}

/**
 * Nothing under way and nothing happening this long in one test: it waits for what never
 * comes. Longer than any check's own patience (tests/support/settle.ts), which explains such
 * a wait better, test by test; this catches waits no check wrapped.
 */
const waitingMs = stuckLimits.waitingMs || 5000;
/** Work under way (a query, an upload) with nothing at all happening this long: it never answers. */
const silentMs = 60_000;
let watching: AbortController | undefined;

/** Reports the worker stuck waiting if the current phase goes quiet for too long. */
export function watchForWaiting(): void {
  watching?.abort();
  const current = new AbortController();
  watching = current;
  const stuck = () => {
    if (!current.signal.aborted) tell({ type: 'stuck', kind: 'waiting', pid: process.pid });
  };
  void quietFor(waitingMs, current.signal).then(stuck);
  void silentFor(silentMs, current.signal).then(stuck);
}

/** Marks the start of loading the learner's code (the lesson's beforeAll), for the watchdogs. */
export function loadingStarts(): void {
  if (!channelAddress) return;
  nextPhase();
  tell({ type: 'running', test: null });
  watchForWaiting();
}

/** Marks the end of a phase: between tests, nothing needs watching. */
export function phaseEnds(): void {
  watching?.abort();
  watching = undefined;
  tell({ type: 'idle' });
}
