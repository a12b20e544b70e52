// A server the learner wrote whole (lesson 08), started as a process of its own the way they
// would start it: `node --import tsx server.ts`, its settings in the environment. Used by the
// lesson's checks and by "Run the app". It runs contained (contained-child.ts): whatever it
// starts ends with it.
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { spawnContained, type ContainedChild } from '../processes/contained-child.ts';

/** Sends the SDK's deleteFile to the playground's local storage, as it goes in the playground's own processes. */
const sdkRouting = fileURLToPath(import.meta.resolve('@playground/local-imagekit/sdk-routing-preload'));
/** Says from inside when the server listens, and whether Mongoose was still connected when it ended. */
const probe = fileURLToPath(new URL('./own-server-probe.mjs', import.meta.url));
/** How much of its output is kept for output(): the last lines are the ones that explain an end. */
const KEPT_OUTPUT_CHARS = 64 * 1024;
/** tsx as the playground has it: found from here, so the app may be started from any folder. */
const tsx = import.meta.resolve('tsx');

/** The settings a server of the learner's reads; the playground's own values of these never leak in. */
const SETTING_NAMES = [
  'PORT',
  'MONGODB_URI',
  'IMAGEKIT_PUBLIC_KEY',
  'IMAGEKIT_PRIVATE_KEY',
  'IMAGEKIT_URL_ENDPOINT',
  'IMAGEKIT_UPLOAD_ENDPOINT',
] as const;

interface OwnServerOptions {
  /** The folder holding server.ts. */
  dir: string;
  /** The folder it is started in: the app's own by default, as `npm start` does. */
  cwd?: string;
  /** PORT, MONGODB_URI, IMAGEKIT_*…: a setting left out (or undefined) is not set at all. */
  settings: Partial<Record<(typeof SETTING_NAMES)[number], string>>;
  /** Called with each piece of output as it comes (both streams). */
  onOutput?: (text: string) => void;
}

export interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface OwnServer {
  run: ContainedChild;
  /** What it wrote so far (the last 64 KB of it), stdout and stderr interleaved as they came. */
  output(): string;
  /** How it ended, once it has. */
  ended: Promise<Ended>;
  /**
   * Resolves true once the server itself listens on `port` (told from inside it: another program
   * may answer on that port too), false if the process ends first.
   */
  listening(port: number): Promise<boolean>;
  /** Whether a Mongoose connection was still open as it ended ('open', 'closed', or 'not-loaded'); once it has. */
  mongooseAtExit(): string | undefined;
  /**
   * Ends it and everything it started: SIGTERM first, as a host stops a server, so its own
   * shutdown runs (and says so); whatever is left after `graceMs` is killed. Safe to call twice.
   */
  end(graceMs?: number): Promise<void>;
}

export function startOwnServer(options: OwnServerOptions): OwnServer {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of SETTING_NAMES) delete env[name];
  for (const [name, value] of Object.entries(options.settings)) if (value !== undefined) env[name] = value;
  const preloads = [probe, sdkRouting].flatMap((file) => ['--import', file]);
  const run = spawnContained(process.execPath, [...preloads, '--import', tsx, path.join(options.dir, 'server.ts')], {
    cwd: options.cwd ?? options.dir,
    env,
    // The probe's news comes on a pipe of its own (fd 3), apart from what the server prints.
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (text: string) => {
    // Only the end is kept: a server that prints without end must not fill this process's memory.
    output = (output + text).slice(-KEPT_OUTPUT_CHARS);
    options.onOutput?.(text);
  };
  run.child.stdout?.on('data', (chunk: Buffer) => keep(chunk.toString()));
  run.child.stderr?.on('data', (chunk: Buffer) => keep(chunk.toString()));
  const news: string[] = [];
  const heard = new EventTarget();
  let partial = '';
  (run.child.stdio[3] as Readable | null)?.on('data', (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop()!;
    news.push(...lines);
    heard.dispatchEvent(new Event('news'));
  });
  const ended = new Promise<Ended>((resolve) => {
    run.child.once('error', (error) => {
      output += `${error.message}\n`;
      resolve({ code: null, signal: null });
    });
    run.child.once('close', (code, signal) => resolve({ code, signal }));
  });
  return {
    run,
    output: () => output,
    ended,
    listening(port) {
      const said = () => news.includes(`listening:${port}`);
      if (said()) return Promise.resolve(true);
      return new Promise((resolve) => {
        const check = () => {
          if (!said()) return;
          heard.removeEventListener('news', check);
          resolve(true);
        };
        heard.addEventListener('news', check);
        void ended.then(() => {
          heard.removeEventListener('news', check);
          resolve(said());
        });
      });
    },
    mongooseAtExit: () => news.findLast((item) => item.startsWith('mongoose:'))?.slice('mongoose:'.length),
    async end(graceMs = 0) {
      await (graceMs > 0 ? run.stop(graceMs) : run.end());
      await ended;
    },
  };
}
