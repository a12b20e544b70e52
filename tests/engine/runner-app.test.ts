// `npm run lesson -- run N` with real processes, as a learner and an instructor use it: the app
// restarts when a file of the lesson is saved (on the same port, and says so), waits for a fix
// when a save breaks it, listens on the port asked for, speaks Hinglish, and opens the browser
// with --open. Each run has a playground of its own inside the project (so the learner's code
// finds mongoose), and every wait is for something the run prints, never for a time.
import {
  appendFileSync,
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findLesson, lessonPaths, projectRoot } from '../../src/lessons/catalog.ts';
import { startScript, type ScriptRun } from './runner-cli-helpers.ts';
import { freePort } from '../../src/processes/free-port.ts';

const lesson = findLesson('02')!;
const cache = path.join(projectRoot, 'node_modules', '.cache');
mkdirSync(cache, { recursive: true });
const folder = mkdtempSync(path.join(cache, 'runner-app-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface AppRun extends ScriptRun {
  exerciseFile: string;
}

let runs = 0;

/** Starts `npm run lesson -- run 02 …args` (without npm) on a playground of its own. */
function runApp(args: string[] = [], env: Record<string, string> = {}): AppRun {
  const playground = path.join(folder, `playground-${++runs}`);
  cpSync(lessonPaths(lesson).starterDir, path.join(playground, lesson.slug), { recursive: true });
  const run = startScript('lesson', ['run', lesson.number, ...args], {
    PLAYGROUND_DIR: playground,
    PLAYGROUND_PROGRESS_FILE: path.join(playground, 'progress.json'),
    ...env,
  });
  return { ...run, exerciseFile: path.join(playground, lesson.slug, lesson.exerciseFiles[0]) };
}

/** Stops the run as Ctrl-C does without a terminal, and resolves once it is gone. */
async function stop(run: AppRun): Promise<number | null> {
  run.child.kill('SIGINT');
  return run.exited;
}

const running = /is running at (http:\/\/127\.0\.0\.1:\d+)/;

describe('run restarts the app on save', () => {
  it('restarts it on the same port when a file is saved, waits for a fix after a save that breaks it, and frees the port at Ctrl-C', async () => {
    const run = runApp();
    try {
      const [, url] = await run.until(running);
      await run.until(/Save a file in .*02-schema\/ and the app restarts with your change\./);
      expect((await fetch(`${url}/api/songs`)).status).toBe(200);
      const working = readFileSync(run.exerciseFile, 'utf8');

      let mark = run.output().length;
      appendFileSync(run.exerciseFile, '\n// a save\n');
      await run.until(/Saved song\.schema\.ts: restarting the app with your change/, mark);
      expect((await run.until(/running again at (http:\/\/127\.0\.0\.1:\d+)/, mark))[1]).toBe(url);
      expect((await fetch(`${url}/api/songs`)).status).toBe(200);

      mark = run.output().length;
      appendFileSync(run.exerciseFile, '\nthis is not TypeScript (\n');
      await run.until(/Syntax error/, mark);
      await run.until(/The app is not running\. Fix your code and save a file in .*02-schema\//, mark);
      writeFileSync(run.exerciseFile, working);
      await run.until(/Saved song\.schema\.ts: starting the app again/, mark);
      expect((await run.until(/running again at (http:\/\/127\.0\.0\.1:\d+)/, mark))[1]).toBe(url);
    } finally {
      await stop(run);
    }
    await expect(fetch(run.output().match(running)![1])).rejects.toThrow();
  });
});

/** A pretend xdg-open that writes what it was asked to open into a file. */
function pretendOpener(): { path: string; opened: string } {
  const bin = mkdtempSync(path.join(folder, 'bin-'));
  const opened = path.join(bin, 'opened.txt');
  // Written aside and moved in whole: the test reads it as soon as it exists, and the shell's
  // `>` makes it empty before printf fills it (a full npm test read '' that way once).
  writeFileSync(
    path.join(bin, 'xdg-open'),
    `#!/bin/sh\nprintf '%s' "$1" > '${opened}.part' && mv '${opened}.part' '${opened}'\n`,
  );
  chmodSync(path.join(bin, 'xdg-open'), 0o755);
  return { path: `${bin}${path.delimiter}${process.env.PATH}`, opened };
}

describe('run --port N --open, for instructors', () => {
  it.runIf(process.platform === 'linux')(
    "listens on that port (the pasted commands stay the same), opens its page in the browser, in the learner's language",
    async () => {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const opener = pretendOpener();
      const run = runApp(['--port', String(port), '--open', '--lang', 'hinglish'], {
        PATH: opener.path,
        DISPLAY: ':0',
      });
      try {
        await run.until(new RegExp(`Lesson 02 ka app ${url.replace(/[.]/g, '\\.')} pe chal raha hai`));
        await run.until(/Try kijiye: yeh commands doosre terminal mein paste kijiye\./);
        await run.until(/Band karne ke liye Enter ya Ctrl-C dabaiye\./);
        await run.until(/02-schema\/ mein koi file save kijiye, app aapke change ke saath restart ho jaayega\./);
        await run.until(/aapke browser mein khul raha hai/);
        expect(run.output()).toContain(`curl -s ${url}/api/songs`);
        expect(run.output()).not.toContain('Try it:');
        expect(run.output()).toContain('Ek sahi song: title trim hoke wapas aata hai');
        expect(run.output()).not.toContain('A valid song');
        // The request log speaks Hinglish too.
        const from = run.output().length;
        await fetch(`${url}/api/songs/check`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title: 'Kesariya', artist: 'Arijit Singh', audio: 'https://example.com/k.mp3' }),
        });
        await run.until(/POST \/api\/songs\/check {2}\d+ .*\n\s+koi database query nahi/, from);
        // The opener runs on its own: wait for what it wrote.
        while (!existsSync(opener.opened)) await new Promise((resolve) => setTimeout(resolve, 50));
        expect(readFileSync(opener.opened, 'utf8')).toBe(url);
      } finally {
        await stop(run);
      }
    },
  );

  it.runIf(process.platform === 'linux')(
    'says in one line that it cannot open a browser where there is no display',
    async () => {
      const run = runApp(['--open'], { DISPLAY: '', WAYLAND_DISPLAY: '' });
      try {
        const [, url] = await run.until(running);
        await run.until(
          new RegExp(
            `Could not open a browser here \\(no graphical display\\): open ${url.replace(/[.]/g, '\\.')} yourself\\.`,
          ),
        );
      } finally {
        await stop(run);
      }
    },
  );

  it('says so when the port is taken, and ends', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const run = runApp(['--port', String(port)]);
      await run.until(new RegExp(`Port ${port} is already taken by another program`));
      expect(await run.exited).toBe(1);
    } finally {
      server.close();
    }
  });
});
