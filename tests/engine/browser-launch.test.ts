// Browser tests get a real headless Chromium from launchBrowser(), with nothing
// but `npm install` behind it: it loads a page's <audio> from a local server,
// takes screenshots, and leaves no browser process behind.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, NoBrowser, type LaunchedBrowser } from '../../src/browser/launch-browser.ts';
import { toneWav } from '../support/tone-wav.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECONDS = 0.5;
const wav = toneWav(SECONDS);
const PAGE =
  '<!doctype html><title>Player</title><h1>Now playing</h1><audio controls preload="metadata" src="/tone.wav"></audio>';
const rangesAsked: string[] = [];
const server = createServer(serve);
let origin: string;
let launched: LaunchedBrowser;
let shots: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  shots = await mkdtemp(join(tmpdir(), 'browser-launch-test-'));
  launched = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await launched?.close();
  await new Promise((resolve) => server.close(resolve));
  await rm(shots, { recursive: true, force: true });
});

// The page, and the WAV with byte ranges, which is how browsers fetch media.
function serve(req: IncomingMessage, res: ServerResponse): void {
  if (req.url === '/') {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(PAGE);
    return;
  }
  if (req.url !== '/tone.wav') {
    res.writeHead(404).end();
    return;
  }
  const headers = { 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes' };
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
  if (!range) {
    res.writeHead(200, { ...headers, 'Content-Length': wav.length }).end(wav);
    return;
  }
  rangesAsked.push(req.headers.range!);
  const start = Number(range[1]);
  const end = range[2] ? Math.min(Number(range[2]), wav.length - 1) : wav.length - 1;
  if (start >= wav.length) {
    res.writeHead(416, { 'Content-Range': `bytes */${wav.length}` }).end();
    return;
  }
  res
    .writeHead(206, {
      ...headers,
      'Content-Range': `bytes ${start}-${end}/${wav.length}`,
      'Content-Length': end - start + 1,
    })
    .end(wav.subarray(start, end + 1));
}

/** The few members of the page's <audio> element the test reads (this project's types know no DOM). */
interface AudioInPage {
  readyState: number;
  duration: number;
  error: { code: number } | null;
  addEventListener(type: 'loadedmetadata' | 'error', listener: () => void): void;
}

/** The process ids of the browser and all its helpers (renderer, GPU…), as Chromium itself reports them. */
async function browserProcessIds(browser: Browser): Promise<number[]> {
  const session = await browser.newBrowserCDPSession();
  const { processInfo } = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { id: number }[] };
  await session.detach();
  return processInfo.map((info) => info.id);
}

// A zombie (ended, not yet collected by its parent) runs no more code: it counts as gone.
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
}

describe('launchBrowser()', () => {
  it('starts a headless Chromium and says which executable it is and where it came from', () => {
    expect(['system', 'bundled']).toContain(launched.source);
    expect(existsSync(launched.executable)).toBe(true);
    expect(launched.browser.version()).toMatch(/^\d+\./);
  });
});

describe('a page with an <audio> element, its WAV served with byte ranges', () => {
  it('loads the audio metadata: loadedmetadata fires and the duration is the tone length', async () => {
    const page = await launched.browser.newPage();
    await page.goto(`${origin}/`);
    const duration = await page.locator('audio').evaluate(
      (audio: AudioInPage) =>
        new Promise<number>((resolve, reject) => {
          if (audio.readyState >= 1) resolve(audio.duration); // 1 is HAVE_METADATA
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
          audio.addEventListener('error', () => reject(new Error(`audio error ${audio.error?.code}`)));
        }),
    );
    expect(duration).toBeCloseTo(SECONDS, 2);
    expect(rangesAsked.length).toBeGreaterThan(0);
    await page.close();
  });

  it('takes a screenshot, written to a file as a PNG', async () => {
    const page = await launched.browser.newPage();
    await page.goto(`${origin}/`);
    const file = join(shots, 'player.png');
    await page.screenshot({ path: file });
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(bytes.length).toBeGreaterThan(1000);
    await page.close();
  });
});

describe('a test process killed with SIGKILL while its browser runs', () => {
  it('takes the browser down with it', async () => {
    // Its own temp folder, for what Playwright leaves behind when its process is killed.
    const temp = await mkdtemp(join(tmpdir(), 'browser-kill-test-'));
    const script = `
      import { launchBrowser } from ${JSON.stringify(join(PROJECT_ROOT, 'src/browser/launch-browser.ts'))};
      const { browser } = await launchBrowser({ installed: [${JSON.stringify(launched.executable)}], bundled: false });
      const session = await browser.newBrowserCDPSession();
      const { processInfo } = await session.send('SystemInfo.getProcessInfo');
      console.log(JSON.stringify(processInfo.map((info) => info.id)));
      setInterval(() => {}, 60_000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: PROJECT_ROOT, // where `--import tsx` is found
      env: { ...process.env, TMPDIR: temp },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
      const pids: number[] = JSON.parse((await lines.next()).value as string);
      expect(pids.filter(isRunning).length).toBeGreaterThan(0);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      // The browser reads its orders from a pipe to the test process; the pipe closing ends it.
      await vi.waitFor(() => expect(pids.filter(isRunning)).toEqual([]), { timeout: 5000 });
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await rm(temp, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('close()', () => {
  it('ends every browser process; the unpacked Chromium stays for the next launch', async () => {
    const pids = await browserProcessIds(launched.browser);
    expect(pids.length).toBeGreaterThan(0);
    await launched.close();
    await vi.waitFor(() => expect(pids.filter(isRunning)).toEqual([]), { timeout: 5000 });
    expect(existsSync(launched.executable)).toBe(true);
  });
});

describe('no browser at all', () => {
  it('explains in plain words what was tried and what to do', async () => {
    const error = await launchBrowser({ installed: ['/no/such/chrome'], bundled: false }).catch((reason) => reason);
    expect(error).toBeInstanceOf(NoBrowser);
    expect(error.message).toMatch(/^No browser could be started for the browser tests\./);
    expect(error.message).toContain('/no/such/chrome does not exist.');
    expect(error.message).toContain('CHROME_PATH');
  });

  it('says the same in Hinglish, for the skip note of a learner who reads Hinglish', async () => {
    const error = await launchBrowser({ installed: ['/no/such/chrome'], bundled: false }).catch((reason) => reason);
    expect(error.hinglish.split('\n')).toEqual([
      'Browser tests ke liye koi browser start nahi ho saka. Yeh sab try kiya gaya:',
      '  - /no/such/chrome maujood nahi hai.',
      '  - npm install waale Chromium ki ijaazat nahi thi.',
      'Aap yeh try kar sakte hain: `npm install` dobara chalaiye (Linux x64 par woh apna Chromium saath laata hai),',
      'ya Google Chrome ya Chromium install kijiye, ya CHROME_PATH mein apne Chrome ya Chromium ka path dijiye.',
    ]);
  });
});
