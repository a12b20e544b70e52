// Preloaded into the learner's own server by lesson 08's checks. When the process ends, it says
// on stderr whether a Mongoose connection was still open then: from outside, an exit with the
// connection closed and one with it still open look the same. Plain JavaScript: it loads before tsx.
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const EXIT_MARK = '[playground exit probe] mongoose:';

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
  writeSync(2, `\n${EXIT_MARK}${state}\n`);
});
