// A door in front of the database, shut until the check opens it. The learner's app connects
// through it; while it is shut, the app's connection waits, and the check can see whether the
// app already listens: a request that came then would find no database.
import net from 'node:net';
import { ConnectionString } from 'mongodb-connection-string-url';
import { databaseUri } from '../../src/database/database-uri.ts';

export interface HeldDatabase {
  /** The MONGODB_URI to give the app: through the door when one could be put there. */
  uri: string;
  /** Whether the door is there: not for a cluster or an SRV address (Atlas), which cannot be proxied so. */
  held: boolean;
  /** Resolves once the app's first connection reached the door. */
  reached: Promise<void>;
  open(): void;
  close(): Promise<void>;
}

export async function holdDatabase(address: { serverUri: string; dbName: string }): Promise<HeldDatabase> {
  const direct = new ConnectionString(databaseUri(address.serverUri, address.dbName));
  const [host] = direct.hosts;
  if (direct.isSRV || direct.hosts.length !== 1 || direct.searchParams.get('tls') === 'true') {
    return { uri: direct.toString(), held: false, reached: Promise.resolve(), open() {}, close: async () => {} };
  }
  const at = host.lastIndexOf(':');
  const upstream = { host: host.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(host.slice(at + 1)) || 27017 };
  const waiting: net.Socket[] = [];
  const sockets = new Set<net.Socket>();
  let isOpen = false;
  let reachedNow!: () => void;
  const reached = new Promise<void>((resolve) => (reachedNow = resolve));

  const passOn = (socket: net.Socket) => {
    const server = net.connect(upstream);
    sockets.add(server);
    socket.pipe(server).pipe(socket);
    const both = () => {
      socket.destroy();
      server.destroy();
    };
    socket.once('close', both).on('error', both);
    server.once('close', both).on('error', both);
  };
  const door = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => socket.destroy());
    reachedNow();
    if (isOpen) passOn(socket);
    else waiting.push(socket);
  });
  await new Promise<void>((resolve) => door.listen(0, '127.0.0.1', resolve));
  const proxied = new ConnectionString(direct.toString());
  proxied.hosts = [`127.0.0.1:${(door.address() as net.AddressInfo).port}`];
  return {
    uri: proxied.toString(),
    held: true,
    reached,
    open() {
      isOpen = true;
      for (const socket of waiting.splice(0)) if (!socket.destroyed) passOn(socket);
    },
    async close() {
      const closed = new Promise((resolve) => door.close(resolve));
      for (const socket of sockets) socket.destroy();
      await closed;
    },
  };
}
