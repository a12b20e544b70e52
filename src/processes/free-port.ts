// A port for a server that is told its port instead of choosing one (a learner's own server
// reads PORT). Checked free by binding it, then given back: another program could still take
// it before the server does. Chosen at random, not by the system: asked for "any port" twice
// in a row, the system hands back the port it just freed, and two checks side by side (npm
// test runs lesson 08's variants in parallel) then told their servers the same port.
import { createServer } from 'node:net';

const FIRST = 20_000;
const LAST = 59_999;

function isFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

export async function freePort(): Promise<number> {
  for (let tries = 0; tries < 50; tries++) {
    const port = FIRST + Math.floor(Math.random() * (LAST - FIRST + 1));
    if (await isFree(port)) return port;
  }
  throw new Error(`No free port found between ${FIRST} and ${LAST}: this computer's ports are nearly all in use.`);
}
