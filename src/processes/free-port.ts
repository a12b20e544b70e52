// A port for a server that is told its port instead of choosing one (a learner's own server
// reads PORT). Taken from the system and given back at once: free then, though another
// program could take it before the server does.
import { createServer, type AddressInfo } from 'node:net';

export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
