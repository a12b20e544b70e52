// `npm run sandbox` with real processes: code that only computes ends on its own; code that
// starts a server keeps serving (and says so) until Ctrl-C, or until the server closes.
// Each run has a playground of its own inside the project, so its code finds its packages.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lessons/catalog.ts';
import { startScript } from './runner-cli-helpers.ts';

const cache = path.join(projectRoot, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const folder = mkdtempSync(path.join(cache, 'runner-sandbox-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let runs = 0;

/** Runs `npm run sandbox` (without npm) on a playground whose sandbox.ts holds `code`. */
function sandbox(code: string) {
  const playground = path.join(folder, `playground-${++runs}`);
  mkdirSync(playground);
  writeFileSync(path.join(playground, 'sandbox.ts'), code);
  return startScript('sandbox', [], {
    PLAYGROUND_DIR: playground,
    PLAYGROUND_PROGRESS_FILE: path.join(playground, 'progress.json'),
  });
}

const server = (onRequest = '') => `
import http from 'node:http';
const server = http.createServer((req, res) => {
  res.end('hello from the sandbox');
  ${onRequest}
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log('listening on ' + (typeof address === 'object' && address ? address.port : '?'));
});
`;

describe('npm run sandbox', () => {
  it('stops by itself when the code has finished', async () => {
    const run = sandbox("console.log('two and two make', 2 + 2);\n");
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('two and two make 4');
    expect(run.output()).toContain('playground/sandbox.ts finished. Stopping the database and the storage.');
  });

  it('keeps a server the code started serving, says so, and stops it all at Ctrl-C', async () => {
    const run = sandbox(server());
    try {
      const [, port] = await run.until(/listening on (\d+)/);
      await run.until(/the server it started is listening \(port \d+\): it keeps serving until you press Ctrl-C/);
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('hello from the sandbox');
      run.child.kill('SIGINT');
      await run.exited;
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
      expect(run.output()).not.toContain('finished. Stopping');
    } finally {
      run.child.kill('SIGKILL');
    }
  });

  it('stops once the server it started closes', async () => {
    const run = sandbox(server('server.close();'));
    const [, port] = await run.until(/listening on (\d+)/);
    await run.until(/it keeps serving until you press Ctrl-C/);
    await fetch(`http://127.0.0.1:${port}/`, { headers: { connection: 'close' } });
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Your server closed. Stopping the database and the storage.');
  });
});
