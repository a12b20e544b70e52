// `npm run storage`: the local storage on its own, for an app the playground does not start.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import ImageKit from 'imagekit';
import { afterAll, describe, expect, it } from 'vitest';

const REAL = ['IMAGEKIT_PUBLIC_KEY', 'IMAGEKIT_PRIVATE_KEY', 'IMAGEKIT_URL_ENDPOINT', 'IMAGEKIT_UPLOAD_ENDPOINT'];
// The language chosen in the menu lives in the progress file: these runs get one of their own.
const progressFolder = mkdtempSync(path.join(tmpdir(), 'storage-cli-'));
afterAll(() => rmSync(progressFolder, { recursive: true, force: true }));

describe('npm run storage', () => {
  it('prints the four options as JSON first, serves, and cleans up on SIGTERM', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, PLAYGROUND_PROGRESS_FILE: path.join(progressFolder, 'none.json') };
    for (const name of REAL) delete env[name];
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/storage/cli.ts', '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const options = JSON.parse((await lines.next()).value as string);
      expect(Object.keys(options)).toEqual(['publicKey', 'privateKey', 'urlEndpoint', 'uploadEndpoint']);
      const folder = /files in (\S+),/.exec((await lines.next()).value as string)![1];
      // For an app the playground does not start (lesson 08's, exported): deleteFile reaches this storage too.
      let line: string | undefined;
      do line = (await lines.next()).value;
      while (line !== undefined && !line.includes('NODE_OPTIONS'));
      const routing = import.meta.resolve('@playground/local-imagekit/sdk-routing-preload');
      expect(line).toBe(`  export NODE_OPTIONS="--import=${routing}"`);

      const result = await new ImageKit(options).upload({ file: Buffer.from('from the cli'), fileName: 'cli.txt' });
      expect(await (await fetch(result.url)).text()).toBe('from the cli');

      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(folder)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 20_000);

  it('speaks the language chosen in the menu', async () => {
    const progressFile = path.join(progressFolder, 'hinglish.json');
    writeFileSync(progressFile, JSON.stringify({ language: 'hinglish', lessons: {} }));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/storage/cli.ts', '--prot', '1'], {
      env: { ...process.env, PLAYGROUND_PROGRESS_FILE: progressFile },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    expect(await new Promise((resolve) => child.on('close', resolve))).toBe(2);
    expect(stderr).toContain('--prot koi option nahi hai.');
  }, 20_000);
});
