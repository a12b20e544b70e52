// A host in a process of its own (vitest-host.mjs): the check talks to it over the IPC
// channel. Used by the menu, watch mode and `npm test`; a one-off `check` command hosts
// vitest in its own process instead (run-checks.ts).
import type { Vitest } from 'vitest/node';
import type { HostMessage, HostRequest } from '../wire.ts';
import { runHost } from './run-host.ts';

const unsent = new Set<Promise<void>>();

/** Sends over IPC, remembering the send until the OS has it, so none is lost at exit. */
function send(message: HostMessage): void {
  if (!process.send || !process.connected) return;
  const sent = new Promise<void>((resolve) => process.send!(message, undefined, {}, () => resolve()));
  unsent.add(sent);
  void sent.then(() => unsent.delete(sent));
}

/** Runs the host until it ends, then resolves once every message has left. */
export async function hostOverIpc(vitest: Vitest, warm: boolean): Promise<void> {
  let handle: ((request: HostRequest) => void) | undefined;
  process.on('message', (request: HostRequest) => handle?.(request));
  // The check went away (killed, its terminal closed): end as if asked, databases dropped.
  process.once('disconnect', () => handle?.({ type: 'end' }));
  await runHost(vitest, { send, onRequest: (handler) => (handle = handler) }, warm);
  await Promise.all(unsent);
}
