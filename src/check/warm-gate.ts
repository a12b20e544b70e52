// A vitest setup file for watch mode: holds a test file's run at its start until the
// learner saves. The warm server starts the next run right after each check, so the
// worker is already up with the test's modules loaded; a save only has to say "go".
// The learner's code is loaded later, in the lesson's own beforeAll (useLesson), so it
// is read fresh. Does nothing unless PLAYGROUND_WARM_GATE names the server's socket.
import { connect } from 'node:net';
import { beforeAll } from 'vitest';

const gate = process.env.PLAYGROUND_WARM_GATE;

/** Resolves on "go", throws on "abort" (the warm server will run the file afresh). */
function waitAtGate(socketPath: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    socket.setEncoding('utf8');
    socket.once('data', (word: string) => {
      socket.destroy();
      if (word.startsWith('go')) resolve();
      else reject(new Error('This run was replaced by a newer one.'));
    });
    socket.once('error', reject);
  });
}

if (gate) {
  // No time limit here: the learner may think for a long while before saving.
  beforeAll(() => waitAtGate(gate), 0);
}
