// Preloaded into a learner's own server by own-server.ts, to say on fd 3 what cannot be seen
// from outside: that this very process began to listen, and on which port (another program
// may answer on a port too), and whether a Mongoose connection was still open when it ended (an
// exit with the connection closed and one with it open look the same). Plain JavaScript: it
// loads before tsx.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

// own-server.ts gives the server a pipe as fd 3 for this news, one line each.
const say = (what) => writeSync(3, `${what}\n`);

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') say(`listening:${address.port}`);
  });
  return listen.apply(this, args);
};

process.on('exit', () => {
  let state = 'not-loaded';
  try {
    // The app's own mongoose, as its `import mongoose from 'mongoose'` found it; never loaded here.
    const require = createRequire(pathToFileURL(path.resolve(process.argv[1] ?? 'server.ts')));
    const mongoose = require.cache[require.resolve('mongoose')]?.exports;
    // readyState 1 is connected, 2 connecting, 3 disconnecting.
    if (mongoose) state = mongoose.connections.some((c) => [1, 2, 3].includes(c.readyState)) ? 'open' : 'closed';
  } catch {
    state = 'unknown';
  }
  say(`mongoose:${state}`);
});
