// `npm run lesson -- export`: lesson 08's app written out as a project of its own, which installs
// from the npm cache alone and runs, as its README says, on the playground's database and
// storage. It exports the lesson's solution (laid in a scratch playground), so it does not
// depend on the learner's code; everything lives in the system's temporary folder, outside the
// project, so the project's own tools never look into the export's node_modules.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { MongoClient, ObjectId } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { lockfileFor, type Lockfile } from '../../src/export/app-lockfile.ts';
import { exportedLesson } from '../../src/lessons/catalog.ts';
import { filesUnder } from '../../src/lessons/layers.ts';
import { assembledCopy } from '../../src/lessons/variants.ts';
import { spawnContained, type ContainedChild } from '../../src/processes/contained-child.ts';
import { startDatabase, type PlaygroundDatabase } from '../../src/database/start-database.ts';
import { startStorage, type PlaygroundStorage } from '@playground/local-imagekit';
import { projectRoot } from '../../src/lessons/catalog.ts';
import { toneWav } from '../support/tone-wav.ts';
import { scriptCommand } from './runner-cli-helpers.ts';
import { freePort } from '../../src/processes/free-port.ts';

const lesson = exportedLesson()!;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'lesson-export-'));
const playground = path.join(scratch, 'playground');
const app = path.join(scratch, 'songs-app');
/** Every child this file starts, ended at the end whatever happened. */
const children = new Set<ContainedChild>();

interface Ended {
  code: number | null;
  output: string;
}

/** Starts `command` contained, in `cwd`; `ended` settles with its exit code and everything it printed. */
function start(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const run = spawnContained(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(run);
  let output = '';
  run.child.stdout!.on('data', (chunk) => (output += chunk));
  run.child.stderr!.on('data', (chunk) => (output += chunk));
  const ended = new Promise<Ended>((resolve) => {
    run.child.once('error', (error) => resolve({ code: null, output: `${output}${error.message}` }));
    run.child.once('close', (code) => resolve({ code, output }));
  });
  return { run, ended, output: () => output };
}

/** `npm run lesson -- …args` as CI runs it, on the scratch playground and a fresh progress file. */
function lessonCommand(args: string[]): Promise<Ended> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CI: 'true',
    NO_COLOR: '1',
    PLAYGROUND_DIR: playground,
    PLAYGROUND_PROGRESS_FILE: path.join(scratch, 'progress.json'),
  };
  delete env.FORCE_COLOR; // vitest sets it for its own output
  const [, ...command] = scriptCommand('lesson');
  return start(process.execPath, [...command, ...args], projectRoot, env).ended;
}

let exported: Ended;

beforeAll(async () => {
  // The learner's copy of lesson 08, as a learner who wrote the solution has it, plus what must stay behind.
  cpSync((await assembledCopy(lesson, 'solution')).dir, path.join(playground, lesson.slug), { recursive: true });
  writeFileSync(path.join(playground, lesson.slug, '.env'), 'IMAGEKIT_PRIVATE_KEY=private_never_exported\n');
  mkdirSync(path.join(playground, lesson.slug, 'node_modules', 'left-behind'), { recursive: true });
  writeFileSync(path.join(playground, lesson.slug, 'node_modules', 'left-behind', 'index.js'), '');
  exported = await lessonCommand(['export', app]);
});

afterAll(async () => {
  await Promise.all([...children].map((child) => child.end()));
  rmSync(scratch, { recursive: true, force: true });
});

describe('npm run lesson -- export <folder>', () => {
  it('writes the learner’s files and the project’s own, never .env or node_modules', async () => {
    expect(exported.code, exported.output).toBe(0);
    const learners = (await filesUnder(path.join(playground, lesson.slug))).filter(
      (file) => !file.startsWith('node_modules') && file !== '.env',
    );
    const projectFiles = ['package.json', 'package-lock.json', 'tsconfig.json', '.gitignore', 'README.md'];
    expect((await filesUnder(app)).sort()).toEqual([...new Set([...learners, ...projectFiles])].sort());
    for (const file of [...lesson.exerciseFiles, 'public/index.html'])
      expect(readFileSync(path.join(app, file), 'utf8'), file).toBe(
        readFileSync(path.join(playground, lesson.slug, file), 'utf8'),
      );
    expect(readFileSync(path.join(app, '.gitignore'), 'utf8').split('\n')).toEqual(
      expect.arrayContaining(['.env', 'node_modules/']),
    );
    // Written beside it first, then renamed into place: nothing of that is left.
    expect(readdirSync(scratch).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('pins every dependency to the version installed in the playground', () => {
    const manifest = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8'));
    const installed = (name: string) =>
      JSON.parse(readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version;
    expect(manifest).toMatchObject({ name: 'songs-app', private: true, type: 'module' });
    expect(manifest.scripts.start).toBe('node --env-file=.env --import tsx server.ts');
    for (const [name, version] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }))
      expect(version, name).toBe(installed(name));
    expect(Object.keys(manifest.dependencies).sort()).toEqual(['express', 'imagekit', 'mongoose', 'multer', 'tsx']);
  });

  it('says in one line that the app has not passed its check yet, and exports it anyway', () => {
    expect(exported.output).toContain(
      `Your app has not passed lesson ${lesson.number}'s check yet; exporting it anyway`,
    );
    expect(exported.output).toContain(`Wrote your app to ${app}`);
    expect(exported.output).toMatch(/cd .*songs-app\n\s+npm install\n\s+cp \.env\.example \.env .*\n\s+npm start/);
  });

  it('writes the README in the learner’s language, naming the playground for the offline way', async () => {
    const english = readFileSync(path.join(app, 'README.md'), 'utf8');
    expect(english).toContain('## Run it on MongoDB Atlas and ImageKit');
    expect(english).toContain(projectRoot.replace(/[\\/]$/, ''));
    const hinglishApp = path.join(scratch, 'songs-app-hinglish');
    const ran = await lessonCommand(['export', hinglishApp, '--lang', 'hinglish']);
    expect(ran.code, ran.output).toBe(0);
    expect(readFileSync(path.join(hinglishApp, 'README.md'), 'utf8')).toContain(
      '## MongoDB Atlas aur ImageKit pe chalaiye',
    );
  });

  it('refuses a folder that already holds a file, with exit code 1, and leaves it as it was', async () => {
    const taken = path.join(scratch, 'taken');
    mkdirSync(taken);
    writeFileSync(path.join(taken, 'notes.txt'), 'mine');
    const ran = await lessonCommand(['export', taken]);
    expect(ran.code).toBe(1);
    expect(ran.output).toContain('already holds files, and the export never writes over anything');
    expect(ran.output).not.toContain('has not passed');
    expect(readdirSync(taken)).toEqual(['notes.txt']);
  });

  it('refuses a folder inside the playground, where its own tools would take the app for theirs', async () => {
    const inside = path.join(projectRoot, 'songs-app-inside');
    const ran = await lessonCommand(['export', inside]);
    expect(ran.code).toBe(1);
    expect(ran.output).toContain('is inside the playground');
    expect(existsSync(inside)).toBe(false);
  });
});

describe('the export’s package-lock.json', () => {
  it('cut for the playground’s own dependencies, is the playground’s own lockfile, npm’s marks included', () => {
    const lock: Lockfile = JSON.parse(readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8'));
    const { '': root, ...packages } = lock.packages;
    const pinned = (names: unknown) =>
      Object.fromEntries(
        Object.keys(names ?? {}).map((name) => [name, lock.packages[`node_modules/${name}`].version!]),
      );
    const cut = lockfileFor(lock, {
      name: 'playground',
      dependencies: pinned(root.dependencies),
      devDependencies: pinned(root.devDependencies),
      optionalDependencies: pinned(root.optionalDependencies),
    });
    const { '': _root, ...cutPackages } = cut!.packages;
    expect(cutPackages).toEqual(packages);
  });
});

describe('the exported app', () => {
  let lockAsWritten: unknown;

  beforeAll(async () => {
    expect(exported.code, exported.output).toBe(0);
    lockAsWritten = JSON.parse(readFileSync(path.join(app, 'package-lock.json'), 'utf8'));
    // From the cache alone: what the playground's own `npm ci` put there.
    const installed = await start('npm', ['install', '--offline', '--no-audit', '--no-fund'], app).ended;
    if (installed.code !== 0) throw new Error(`npm install --offline failed:\n${installed.output}`);
  }, 180_000);

  it('installs from the npm cache alone, and npm keeps the package-lock.json it came with', () => {
    expect(JSON.parse(readFileSync(path.join(app, 'package-lock.json'), 'utf8'))).toEqual(lockAsWritten);
  });

  it('typechecks with its own tsconfig.json and TypeScript', async () => {
    const tsc = path.join(app, 'node_modules', 'typescript', 'bin', 'tsc');
    const checked = await start(process.execPath, [tsc, '--pretty', 'false'], app).ended;
    expect(checked.output).toBe('');
    expect(checked.code).toBe(0);
  }, 120_000);

  describe('started with npm start’s command, on the playground’s database and storage in its .env', () => {
    let database: PlaygroundDatabase | undefined;
    let storage: PlaygroundStorage | undefined;
    let client: MongoClient | undefined;
    let server: ReturnType<typeof start>;
    let base: string;
    const wav = toneWav(0.5);
    let song: { _id: string; audio: string; fileId: string };

    beforeAll(async () => {
      vi.stubEnv('IMAGEKIT_PUBLIC_KEY', ''); // keys in the shell would select the real ImageKit
      [database, storage] = await Promise.all([
        startDatabase({ quiet: true, allowDownload: false }),
        startStorage({ quiet: true }),
      ]);
      client = await MongoClient.connect(database.uri);
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      // The lines `npm run -s db` and `npm run -s storage` print, in .env as the README says.
      const routing = import.meta.resolve('@playground/local-imagekit/sdk-routing-preload');
      const settings = { PORT: String(port), MONGODB_URI: database.uri, ...storage.env };
      const lines = Object.entries(settings).map(([name, value]) => `${name}=${value}`);
      writeFileSync(path.join(app, '.env'), [...lines, `NODE_OPTIONS="--import=${routing}"`, ''].join('\n'));
      // The environment wins over .env: none of the playground's own settings may reach the app.
      const env: NodeJS.ProcessEnv = { ...process.env };
      for (const name of [...Object.keys(settings), 'NODE_OPTIONS']) delete env[name];
      const [node, ...args] = JSON.parse(readFileSync(path.join(app, 'package.json'), 'utf8')).scripts.start.split(' ');
      expect(node).toBe('node');
      server = start(process.execPath, args, app, env);
      // Asked every 100 ms until it answers: how long the start takes depends on the machine.
      while (
        !(await fetch(`${base}/api/songs`).then(
          (response) => response.ok,
          () => false,
        ))
      ) {
        if (server.run.child.exitCode !== null)
          throw new Error(`The app ended before it listened:\n${server.output()}`);
        await sleep(100);
      }
    }, 60_000);
    afterAll(async () => {
      await server?.run.end();
      await client?.close();
      await Promise.allSettled([storage?.stop(), database?.stop()]);
      vi.unstubAllEnvs();
    });

    it('POST /api/songs sends the file to the storage and the song, with its URL, to the database', async () => {
      const form = new FormData();
      form.append('title', 'Exported');
      form.append('artist', 'The Playground');
      form.append('mood', 'happy');
      form.append('audio', new Blob([wav], { type: 'audio/wav' }), 'tone.wav');
      const added = await fetch(`${base}/api/songs`, { method: 'POST', body: form });
      expect(added.status, server.output()).toBe(201);
      ({ song } = (await added.json()) as { song: typeof song });
      const stored = await client!
        .db()
        .collection('songs')
        .findOne({ _id: new ObjectId(song._id) });
      expect(stored).toMatchObject({ title: 'Exported', mood: 'happy', audio: song.audio, fileId: song.fileId });
      expect(Buffer.from(await (await fetch(song.audio)).arrayBuffer())).toEqual(wav);
    });

    it('GET /api/songs lists it', async () => {
      const listed = (await (await fetch(`${base}/api/songs`)).json()) as { songs: { _id: string }[] };
      expect(listed.songs.map((each) => each._id)).toEqual([song._id]);
    });

    it('DELETE /api/songs/:id removes the song and its file: deleteFile reaches the local storage too', async () => {
      const deleted = await fetch(`${base}/api/songs/${song._id}`, { method: 'DELETE' });
      expect(deleted.status, server.output()).toBe(200);
      expect((await fetch(song.audio)).status).toBe(404);
      expect(await client!.db().collection('songs').countDocuments()).toBe(0);
    });

    it('ends with exit code 0 on SIGTERM', async () => {
      server.run.child.kill('SIGTERM');
      const ended = await server.ended;
      expect(ended.code, ended.output).toBe(0);
    });
  });
});
