// The test worker's end of the check channel: says which lesson copy it runs and which
// test is under way, and waits for the check to hand over the database and say "go".
// Outside a check (a plain `npx vitest`) there is no channel, and the worker is on its own.
import { connect, type Socket } from 'node:net';
import { inject } from 'vitest';
import { readJsonLines, writeJsonLine } from '../json-lines.ts';
import type { ChannelMessage, CheckServices, WorkerMessage } from '../wire.ts';

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
