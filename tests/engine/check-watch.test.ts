// Watch mode: a warm vitest re-checks the learner's file after every save, sees the
// newest contents, survives an endless loop, and leaves no process behind.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/check/index.ts';
import { watchCheck } from '../../src/check/watch.ts';
import type { TypeIssue } from '../../src/check/types-check/type-checker.ts';
import { watchFolder } from '../../src/check/file-watch.ts';
import { isRunning } from '../../src/processes/process-table.ts';
import { processTable } from '../../src/processes/process-table.ts';
import { addThat, scratchLesson } from './fixtures/scratch.ts';

/** Results as they come, awaited one at a time. */
function resultQueue() {
  const waiting: ((result: CheckResult) => void)[] = [];
  const ready: CheckResult[] = [];
  return {
    push(result: CheckResult) {
      const next = waiting.shift();
      if (next) next(result);
      else ready.push(result);
    },
    next(): Promise<CheckResult> {
      const early = ready.shift();
      return early ? Promise.resolve(early) : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

// Each test has its own scratch lesson and warm vitest, so they can run side by side.
describe.concurrent('watchCheck', () => {
  // Between saves the next run waits, prepared, for go (src/check/worker/check-setup.ts): its
  // worker must not have read the learner's file before the save, however long ago it was ready.
  it('checks now, then after each save, always on the saved contents, a pass with TypeScript in it, and stops every process', async () => {
    const lesson = scratchLesson('passing', addThat.subtracts);
    const results = resultQueue();
    const started: string[][] = [];
    const lateTypeIssues: TypeIssue[][] = [];
    const watch = watchCheck({ testFile: lesson.testFile, name: 'watched' }, lesson.dir, {
      onResult: results.push,
      onStart: (changed) => started.push(changed),
      typeCheck: [lesson.exercise],
      onLateTypeIssues: (issues) => lateTypeIssues.push(issues),
    });
    try {
      expect((await results.next()).passed).toBe(false);
      lesson.write(addThat.addsMistyped);
      const passed = await results.next();
      expect(passed.passed).toBe(true);
      expect(started[1]).toEqual([lesson.exercise]);
      // A pass waits for TypeScript: it ends a watch, and TypeScript may disagree with the code that passed.
      expect(passed.typeIssues).toEqual([expect.objectContaining({ file: lesson.exercise, code: 2322 })]);
      expect(passed.typeIssuesLater).toBeUndefined();
      expect(lateTypeIssues).toEqual([]);
      // A learner who takes a while: the next run has long been prepared when the save comes.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      lesson.write(addThat.subtracts);
      const again = await results.next();
      expect(again.passed).toBe(false);
      expect(again.tests[0].failure).toMatchObject({ expected: '5', actual: '-1' });
      const pid = watch.warm.hostPid!;
      expect(isRunning(pid)).toBe(true);
      await watch.stop();
      expect(isRunning(pid)).toBe(false);
    } finally {
      await watch.stop();
      lesson.remove();
    }
  }, 30_000);

  it('stops an endless loop as busy, then checks the next save', async () => {
    const lesson = scratchLesson('passing', addThat.adds);
    const results = resultQueue();
    const limits = { busyCpuMs: 600 };
    const watch = watchCheck({ testFile: lesson.testFile, name: 'looping', limits }, lesson.dir, {
      onResult: results.push,
      checkNow: false,
    });
    try {
      await watch.ready;
      lesson.write(addThat.loops);
      const stuck = await results.next();
      expect(stuck.problem?.kind).toBe('busy');
      expect(stuck.during).toMatchObject({ title: 'adds two numbers' });
      lesson.write(addThat.adds);
      expect((await results.next()).passed).toBe(true);
    } finally {
      await watch.stop();
      lesson.remove();
    }
  }, 30_000);
});

// Right, but leaves a detached process and a detached HTTP server running, and writes their pids down.
const addThatLeavesProcesses = [
  "import { spawn } from 'node:child_process';",
  "import { appendFileSync } from 'node:fs';",
  'export function add(a: number, b: number): number {',
  "  const sleeper = spawn('sleep', ['300'], { detached: true, stdio: 'ignore' });",
  "  const server = \"require('node:http').createServer((q, s) => s.end()).listen(0, '127.0.0.1')\";",
  "  const serving = spawn(process.execPath, ['-e', server], { detached: true, stdio: 'ignore' });",
  '  sleeper.unref();',
  '  serving.unref();',
  "  appendFileSync(new URL('./started.txt', import.meta.url), [sleeper.pid, serving.pid, ''].join('\\n'));",
  '  return a + b;',
  '}',
  '',
].join('\n');

describe('watchCheck, between saves', () => {
  // The warm vitest lives on between saves: what one run's code started must not live on with it.
  it('ends what the learner code started, detached or not, within 2 s of the verdict', async () => {
    const lesson = scratchLesson('passing', addThatLeavesProcesses);
    const results = resultQueue();
    const watch = watchCheck({ testFile: lesson.testFile, name: 'leaves-processes' }, lesson.dir, {
      onResult: results.push,
    });
    try {
      expect((await results.next()).passed).toBe(true);
      const started = readFileSync(path.join(lesson.dir, 'started.txt'), 'utf8').split(/\s+/).filter(Boolean);
      expect(started.length).toBeGreaterThan(0);
      const living = () => {
        const alive = new Set(
          processTable()
            .filter((info) => !info.ended)
            .map((info) => info.pid),
        );
        return started.map(Number).filter((pid) => alive.has(pid));
      };
      const verdictAt = performance.now();
      while (living().length && performance.now() - verdictAt < 2000) await new Promise((r) => setTimeout(r, 50));
      expect(living(), 'still running 2 s after the verdict').toEqual([]);
      expect(isRunning(watch.warm.hostPid!), 'the warm vitest itself lives on').toBe(true);
    } finally {
      await watch.stop();
      lesson.remove();
    }
  }, 30_000);
});

describe('watchFolder', () => {
  it('notices a save by polling too, as on WSL2 /mnt drives and network folders', async () => {
    const lesson = scratchLesson('passing');
    try {
      let resolveChange: (files: string[]) => void = () => {};
      const changed = new Promise<string[]>((resolve) => (resolveChange = resolve));
      const watch = await watchFolder(lesson.dir, resolveChange, { poll: true, intervalMs: 30 });
      expect(watch.mode).toBe('polling');
      lesson.write(addThat.subtracts);
      expect(await changed).toEqual([lesson.exercise]);
      watch.stop();
    } finally {
      lesson.remove();
    }
  });

  it('notices every save by rename, as vim and safe-writing editors save, in the folder and in a new subfolder', async () => {
    const lesson = scratchLesson('passing');
    try {
      const saves: string[][] = [];
      let wake: () => void = () => {};
      const watch = await watchFolder(lesson.dir, (files) => {
        saves.push(files);
        wake();
      });
      expect(watch.mode).toBe('events');
      const saved = async (file: string, text: string) => {
        const next = new Promise<void>((resolve) => (wake = resolve));
        writeFileSync(`${file}.tmp`, text);
        renameSync(`${file}.tmp`, file);
        await next;
      };
      for (const text of [addThat.subtracts, addThat.adds, addThat.subtracts]) await saved(lesson.exercise, text);
      const page = path.join(lesson.dir, 'public', 'page.html');
      const folderMade = new Promise<void>((resolve) => (wake = resolve));
      mkdirSync(path.dirname(page));
      writeFileSync(page, 'one');
      await folderMade;
      await saved(page, 'two');
      expect(saves).toEqual([[lesson.exercise], [lesson.exercise], [lesson.exercise], [page], [page]]);
      watch.stop();
    } finally {
      lesson.remove();
    }
  });

  it("ignores editor swap and backup files, and files no check reads (a log, a file the learner's code wrote)", async () => {
    const lesson = scratchLesson('passing');
    try {
      const seen: string[][] = [];
      let resolveChange: () => void = () => {};
      const changed = new Promise<void>((resolve) => (resolveChange = resolve));
      const watch = await watchFolder(
        lesson.dir,
        (files) => {
          seen.push(files);
          resolveChange();
        },
        { poll: true, intervalMs: 20 },
      );
      writeFileSync(`${lesson.dir}/.exercise.ts.swp`, 'x');
      writeFileSync(`${lesson.dir}/exercise.ts~`, 'x');
      writeFileSync(`${lesson.dir}/4913`, 'x');
      writeFileSync(`${lesson.dir}/started.txt`, 'x');
      writeFileSync(`${lesson.dir}/beep.wav`, 'x');
      await new Promise((resolve) => setTimeout(resolve, 120));
      expect(seen).toEqual([]);
      // Still watching: a real save right after is noticed, and alone; .env.example is one too (lesson 08's).
      lesson.write(addThat.subtracts);
      writeFileSync(`${lesson.dir}/.env.example`, 'PORT=\n');
      await changed;
      await new Promise((resolve) => setTimeout(resolve, 60));
      watch.stop();
      // A save can be noticed twice on a loaded machine (written in two steps, each seen by a poll).
      expect([...new Set(seen.flat())].sort()).toEqual([path.join(lesson.dir, '.env.example'), lesson.exercise]);
    } finally {
      lesson.remove();
    }
  });
});
