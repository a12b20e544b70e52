// Every way of stopping the playground, with real npm, real processes and real signals:
// nothing of it may be left running, listening or in the temporary folder, and on a
// learner's own server (MONGODB_URI) its databases go, while everything else stays.
// Each run gets a temporary folder of its own as TMPDIR and a tag in its environment, so
// what it leaves behind can be found (the tag needs Linux's /proc).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDatabaseName } from '../../src/database/database-name.ts';
import { startStandin, type RunningStandin } from '@playground/offline-mongodb';
import { findLesson, lessonPaths, projectRoot } from '../../src/lessons/catalog.ts';
import { processesMarked, processTable } from '../../src/processes/process-table.ts';

const linux = process.platform === 'linux';
const lesson = findLesson('02')!;

interface Run {
  child: ChildProcess;
  output: () => string;
  tag: string;
  temp: string;
}

/**
 * Starts `npm run lesson -- …args` with no terminal, in a playground and a temporary folder
 * of its own; `exercise` replaces the starter's exercise file. `viaNpm: false` starts the
 * command npm would start, without npm (cheaper, where npm itself is not what is tested).
 * `leader`: the command leads a process group of its own, as a command typed in an
 * interactive shell does.
 */
function npmLesson(
  args: string[],
  env: Record<string, string> = {},
  exercise?: string,
  viaNpm = true,
  leader = false,
): Run {
  // Inside the project, so the learner's code finds mongoose and express as it does in playground/.
  const cache = path.join(projectRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const temp = mkdtempSync(path.join(cache, 'stopping-'));
  const playground = path.join(temp, 'playground');
  mkdirSync(path.join(temp, 'tmp'));
  cpSync(lessonPaths(lesson).starterDir, path.join(playground, lesson.slug), { recursive: true });
  if (exercise) writeFileSync(path.join(playground, lesson.slug, lesson.exerciseFiles[0]), exercise);
  const tag = randomBytes(6).toString('hex');
  const [command, ...rest] = viaNpm ? ['npm', 'run', 'lesson', '--'] : [process.execPath, 'src/runner/cli-entry.mjs'];
  const child = spawn(command, [...rest, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: leader,
    env: {
      ...process.env,
      CI: 'true',
      NO_COLOR: '1',
      PLAYGROUND_DIR: playground,
      PLAYGROUND_PROGRESS_FILE: path.join(temp, 'progress.json'),
      TMPDIR: path.join(temp, 'tmp'),
      STOPPING_TEST_TAG: tag,
      ...env,
    },
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return { child, output: () => output, tag, temp };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean | Promise<boolean>, what: string, run?: Run): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 50) {
    if (waited > 60_000) throw new Error(`Never: ${what}.${run ? `\nOutput:\n${run.output()}` : ''}`);
    await wait(50);
  }
}

/** The processes of the run still running code. */
function leftOver(run: Run): number[] {
  return [...processesMarked('STOPPING_TEST_TAG', run.tag, processTable())];
}

/**
 * Waits for the whole run to be gone, then says what is left in its temporary folder. Caches
 * aside, which are meant to stay and live in the temporary folder as usual: tsx's transforms,
 * and Node's compile cache, which npm 11 turns on from Node 22.1.
 */
async function gone(run: Run): Promise<string[]> {
  await until(() => leftOver(run).length === 0, 'every process of the run ended', run);
  return readdirSafe(path.join(run.temp, 'tmp')).filter(
    (name) => !name.startsWith('tsx-') && name !== 'node-compile-cache',
  );
}

function readFileSafe(file: string): string {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return '';
  }
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

describe.runIf(linux).concurrent('stopping the playground', () => {
  it('watch: SIGINT to npm alone stops it all, and leaves no temporary folder', async () => {
    const run = npmLesson(['watch', lesson.number]);
    try {
      await until(() => /Not yet|Getting there/.test(run.output()), 'the first verdict', run);
      run.child.kill('SIGINT');
      expect(await gone(run)).toEqual([]);
    } finally {
      rmSync(run.temp, { recursive: true, force: true });
    }
  });

  it('run: SIGTERM to npm (an editor stop button) stops it all, npm first', async () => {
    const run = npmLesson(['run', lesson.number]);
    try {
      await until(() => /is running at (http\S+)/.test(run.output()), 'the app listening', run);
      run.child.kill('SIGTERM');
      expect(await gone(run)).toEqual([]);
    } finally {
      rmSync(run.temp, { recursive: true, force: true });
    }
  });

  it('check: SIGTERM to npm while the check is still starting ends it, with no verdict, and leaves nothing', async () => {
    // Code that keeps the check waiting: only the signal can end this run before its verdict.
    const waiting =
      "import mongoose from 'mongoose';\nexport const songSchema = new mongoose.Schema({ title: { type: String, validate: () => new Promise<boolean>(() => {}) } });\n";
    const run = npmLesson(['check', lesson.number], {}, waiting);
    const started = () =>
      leftOver(run).some((pid) =>
        readFileSafe(`/proc/${pid}/cmdline`).split('\0').includes('src/runner/cli-entry.mjs'),
      );
    try {
      // As soon as node runs the command (not only npm's shell): before the check has put its own
      // handling of signals in place.
      await until(started, 'the check command started', run);
      run.child.kill('SIGTERM');
      expect(await gone(run)).toEqual([]);
      expect(run.output()).not.toMatch(/Not yet|Getting there|never|stopped before/);
    } finally {
      rmSync(run.temp, { recursive: true, force: true });
    }
  });

  // A shell with job control makes each command it runs the leader of a group of its own.
  it('check, typed in a shell as `node src/runner/cli-entry.mjs check`: gives its verdict, exit code 1, and leaves nothing', async () => {
    // The starter: a verdict that is not a pass, which the check ends its host before printing.
    const run = npmLesson(['check', lesson.number], {}, undefined, false, true);
    try {
      await until(() => run.child.exitCode !== null || run.child.signalCode !== null, 'the check to end', run);
      expect(run.child.signalCode, run.output()).toBeNull();
      expect(run.child.exitCode, run.output()).toBe(1);
      expect(run.output()).toMatch(/Not yet|Getting there/);
      expect(await gone(run)).toEqual([]);
    } finally {
      rmSync(run.temp, { recursive: true, force: true });
    }
  });

  it("run: SIGHUP (the terminal closed) stops the app, the storage and the database, and frees the app's port", async () => {
    const run = npmLesson(['run', lesson.number], {}, undefined, false);
    try {
      await until(() => /is running at (http\S+)/.test(run.output()), 'the app listening', run);
      const url = /is running at (http\S+)/.exec(run.output())![1];
      run.child.kill('SIGHUP');
      expect(await gone(run)).toEqual([]);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      rmSync(run.temp, { recursive: true, force: true });
    }
  });
});

// One at a time, beside the concurrent runs above: each starts a whole check or app.
describe.runIf(linux)('what learner code starts to get away', () => {
  // Found by a hostile probe: none of these carries the run's environment, its group or (once its
  // parent is gone) a parent link to the run; SIGTERM does nothing to them.
  // Each test's sleeps sleep a time of their own, which finds them (their environment is empty).
  const escaping = (seconds: string) =>
    [
      "import { spawn } from 'node:child_process';",
      "import mongoose from 'mongoose';",
      "const away = { detached: true, env: {}, stdio: 'ignore' } as const;",
      `spawn('sh', ['-c', "trap '' TERM; exec sleep ${seconds}"], away).unref();`,
      `spawn('sh', ['-c', "(trap '' TERM; exec sleep ${seconds}) &"], away).unref();`,
      `spawn('setsid', ['sh', '-c', "trap '' TERM; exec sleep ${seconds}"], away).unref();`,
      'export const songSchema = new mongoose.Schema({ title: String });',
    ].join('\n');
  const sleeping = (seconds: string) =>
    readdirSafe('/proc').filter((pid) => readFileSafe(`/proc/${pid}/cmdline`) === `sleep\0${seconds}\0`);

  it.each([
    ['check', (run: Run) => until(() => run.child.exitCode !== null, 'the check to end', run)],
    ['watch', (run: Run) => until(() => /Not yet|Getting there/.test(run.output()), 'the first verdict', run)],
    [
      'run',
      async (run: Run, started: () => boolean) => {
        await until(() => /is running at/.test(run.output()) && started(), 'the app listening', run);
        run.child.kill('SIGTERM');
        await until(() => run.child.exitCode !== null, 'the app to stop', run);
      },
    ],
  ])(
    '%s: stops what the code started detached, with a cleared environment, SIGTERM ignored, double-forked or in a session of its own',
    async (command, end) => {
      const seconds = `600.${randomBytes(4).readUInt32BE()}`;
      const run = npmLesson([command, lesson.number], {}, escaping(seconds), false);
      try {
        await end(run, () => sleeping(seconds).length === 3);
        // The process that started them has ended by now, or ends in a moment: they outlived it before.
        for (let waited = 0; sleeping(seconds).length && waited < 5000; waited += 100) await wait(100);
        expect(sleeping(seconds), run.output()).toEqual([]);
      } finally {
        run.child.kill('SIGTERM');
        await gone(run).catch(() => undefined);
        for (const pid of sleeping(seconds)) process.kill(Number(pid), 'SIGKILL');
        rmSync(run.temp, { recursive: true, force: true });
      }
    },
  );
});

describe.runIf(linux)("on the learner's own server (MONGODB_URI)", () => {
  let server: RunningStandin;
  let client: MongoClient;
  const databases = async () =>
    (await client.db('admin').admin().listDatabases({ nameOnly: true })).databases.map((database) => database.name);

  beforeAll(async () => {
    server = await startStandin();
    client = await MongoClient.connect(server.uri);
  });
  afterAll(async () => {
    await client?.close();
    await server?.stop();
  });

  it('a check stopped by SIGTERM mid-run drops its database; nothing else on the server is touched', async () => {
    await client.db('learners_own_app').collection('songs').insertOne({ title: 'keep me' });
    // Writes as it loads, then keeps every check waiting: the run is surely under way when it is stopped.
    const slow = [
      "import mongoose from 'mongoose';",
      "await mongoose.connection.db!.collection('loaded').insertOne({ at: new Date() });",
      'export const songSchema = new mongoose.Schema({ title: { type: String, validate: () => new Promise<boolean>(() => {}) } });',
    ].join('\n');
    const run = npmLesson(['check', lesson.number], { MONGODB_URI: server.uri }, slow, false);
    try {
      await until(
        async () => (await databases()).some((name) => name.startsWith('playground_')),
        'a database of the run',
        run,
      );
      run.child.kill('SIGTERM');
      expect(await gone(run)).toEqual([]);
      expect((await databases()).filter((name) => name.startsWith('playground_'))).toEqual([]);
      expect(await client.db('learners_own_app').collection('songs').countDocuments()).toBe(1);
    } finally {
      rmSync(run.temp, { recursive: true, force: true });
    }
  });

  it('the next start drops the databases of runs that died (kill -9), and only those', async () => {
    // A run of this machine whose process is gone, and a name that only looks like ours.
    const deadRun = generateDatabaseName().replace(/_\d+_/, '_999999999_');
    await client.db(deadRun).collection('songs').insertOne({ title: 'left by a killed run' });
    await client.db('playground_notes').collection('notes').insertOne({ text: 'the learner named this one' });
    const run = npmLesson(['check', lesson.number], { MONGODB_URI: server.uri }, undefined, false);
    try {
      await until(() => run.child.exitCode !== null, 'the check to end', run);
      const left = await databases();
      expect(left, run.output()).not.toContain(deadRun);
      expect(left).toContain('playground_notes');
    } finally {
      rmSync(run.temp, { recursive: true, force: true });
    }
  });
});
