// The servers the sandbox's code starts (http, express, net: all listen through net.Server),
// followed through Node's diagnostics channel for net.Server.listen(), so the sandbox knows
// whether something still serves once the file's code has finished. The database and the
// storage started before, so they are not among them.
import { tracingChannel } from 'node:diagnostics_channel';
import type { AddressInfo, Server } from 'node:net';

interface FollowedServers {
  /** Once every listen() called so far has succeeded or failed: the addresses that listen now. */
  listening(): Promise<string[]>;
  /** Resolves once none of the servers that listened is listening any more. */
  allClosed(): Promise<void>;
  stop(): void;
}

interface ListenMessage {
  server: Server;
}

/** How a listening server is named for the learner: its port, or its pipe. */
function where(server: Server): string {
  const address = server.address() as AddressInfo | string | null;
  if (!address) return '?';
  return typeof address === 'string' ? address : `port ${address.port}`;
}

/** Starts following the servers that start listening from now on. */
export function followServers(): FollowedServers {
  const channel = tracingChannel<unknown, ListenMessage>('net.server.listen');
  const servers = new Set<Server>();
  const pending = new Map<Server, Promise<void>>();
  const settle = new Map<Server, () => void>();
  const handlers = {
    start() {},
    end() {},
    asyncStart(message: ListenMessage) {
      servers.add(message.server);
      if (!pending.has(message.server))
        pending.set(message.server, new Promise<void>((resolve) => settle.set(message.server, resolve)));
    },
    asyncEnd(message: ListenMessage) {
      settle.get(message.server)?.();
    },
    error(message: ListenMessage) {
      settle.get(message.server)?.();
    },
  };
  channel.subscribe(handlers);
  return {
    async listening() {
      // A listen() may itself be waiting on a lookup of its host name: wait for each to settle.
      await Promise.all(pending.values());
      return [...servers].filter((server) => server.listening).map(where);
    },
    async allClosed() {
      const open = [...servers].filter((server) => server.listening);
      await Promise.all(open.map((server) => new Promise((resolve) => server.once('close', resolve))));
    },
    stop: () => channel.unsubscribe(handlers),
  };
}
