// Drives the interactive screens (the menu, the lesson screen, the yes/no questions) the way
// a learner does, without a terminal: keys go in as the bytes a terminal sends, and the screen
// is read back as plain text. A step waits for the screen to show what it expects, so keys
// are only typed at a prompt that is listening, and a screen that hangs fails with what it showed.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeEach } from 'vitest';
import type { CheckResult, WarmCheck } from '../../src/check/index.ts';
import type { LessonEntry } from '../../src/lessons/catalog.ts';

/** What the keys send: a terminal's bytes, read by the prompts through readline. */
const keyBytes = {
  enter: '\r',
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  right: '\x1b[C',
  'ctrl-c': '\x03',
  escape: '\x1b',
  space: ' ',
} as const;

export type Key = keyof typeof keyBytes | 'y' | 'n' | 'q';

/** A screen, by default wide enough that no prompt wraps its message. */
class ScreenRecorder extends Writable {
  text = '';

  constructor(
    readonly columns = 200,
    readonly rows = 60,
  ) {
    super();
  }

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.text += stripVTControlCharacters(chunk.toString());
    this.emit('screen');
    done();
  }
}

export class ScreenDriver {
  readonly input = new PassThrough();
  readonly output: ScreenRecorder;

  /** A screen of `size` (the tester's tmux is 100 by 40), or a roomy one. */
  constructor(size: { columns: number; rows: number } = { columns: 200, rows: 60 }) {
    this.output = new ScreenRecorder(size.columns, size.rows);
  }
  /** Where the next wait starts reading: everything before was already waited for. */
  private read = 0;

  /** The whole screen so far, as plain text. */
  get text(): string {
    return this.output.text;
  }

  /** Resolves once `wanted` shows after what the last wait saw; fails after `timeoutMs` with the screen. */
  async waitFor(wanted: string, timeoutMs = 15_000): Promise<void> {
    await this.waitForAny([wanted], timeoutMs);
  }

  /** Resolves with whichever of `wanted` shows first after what the last wait saw; fails after `timeoutMs`. */
  waitForAny(wanted: string[], timeoutMs = 15_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const look = (): string | undefined => {
        const found = wanted
          .map((text) => ({ text, at: this.output.text.indexOf(text, this.read) }))
          .filter(({ at }) => at >= 0)
          .sort((a, b) => a.at - b.at)[0];
        if (found) this.read = found.at + found.text.length;
        return found?.text;
      };
      const now = look();
      if (now !== undefined) return resolve(now);
      const onScreen = () => {
        const seen = look();
        if (seen === undefined) return;
        clearTimeout(timer);
        this.output.off('screen', onScreen);
        resolve(seen);
      };
      const timer = setTimeout(() => {
        this.output.off('screen', onScreen);
        reject(
          new Error(
            `The screen never showed "${wanted.join('" or "')}". It shows:\n${this.output.text.slice(this.read)}`,
          ),
        );
      }, timeoutMs);
      this.output.on('screen', onScreen);
    });
  }

  /** Waits for the prompt asking `message` to be active (◆), then presses `keys` in order. */
  async answer(message: string, ...keys: Key[]): Promise<void> {
    await this.waitFor(`◆  ${message}`);
    for (const key of keys) this.press(key);
  }

  /** Presses one key. */
  press(key: Key): void {
    this.input.write(key === 'y' || key === 'n' || key === 'q' ? key : keyBytes[key]);
  }

  /** Waits for the lesson text's first "more" prompt and skips the rest of the text with q. */
  async skipReading(prompt = 'q: skip to the menu'): Promise<void> {
    await this.waitFor(prompt);
    this.press('q');
  }
}

/** A check's result as the check engine gives it: `failing` names the failing tests, `passing` counts the others. */
export function checkResult(lesson: LessonEntry, passing: number, failing: string[] = []): CheckResult {
  const test = (title: string, state: 'passed' | 'failed') => ({
    path: ['the lesson'],
    title,
    state,
    ...(state === 'failed' ? { failure: { message: `expected what ${title} says` } } : {}),
  });
  return {
    request: { lesson },
    name: `${lesson.slug}@playground`,
    passed: failing.length === 0,
    tests: [
      ...Array.from({ length: passing }, (_, index) => test(`passing check ${index + 1}`, 'passed')),
      ...failing.map((title) => test(title, 'failed')),
    ],
  };
}

/** A stand-in for the warm check that answers the given results in turn, for tests of what follows a verdict. */
export function scriptedWarmCheck(results: CheckResult[]): { warmCheckOf: () => Promise<WarmCheck> } {
  const stub = {
    stop: async () => {},
    run: async () => {
      const next = results.shift();
      if (!next) throw new Error('This test gave no more check results.');
      return next;
    },
  };
  return { warmCheckOf: async () => stub as unknown as WarmCheck };
}

/**
 * A stand-in for the lesson screen's warm check, for tests that only move around the screen:
 * it starts nothing, refuses to check (the check has tests of its own), and tells whether the
 * screen stopped it when it closed.
 */
export function idleWarmCheck(): { warmCheckOf: () => Promise<WarmCheck>; stopped: () => boolean } {
  let stopped = false;
  const stub = {
    stop: async () => void (stopped = true),
    run: async () => {
      throw new Error('This test only moves around the screen: it does not check code.');
    },
  };
  return { warmCheckOf: async () => stub as unknown as WarmCheck, stopped: () => stopped };
}

/**
 * Gives this test file a playground of its own (PLAYGROUND_DIR, read once when the catalog is
 * imported: call this before importing the engine), a fresh progress file for every test, and
 * plain text without colours. Everything is put back after the file's tests.
 */
export function isolateScreens(): { playgroundRoot: string; progressFile: () => string } {
  const names = ['PLAYGROUND_DIR', 'PLAYGROUND_PROGRESS_FILE', 'NO_COLOR', 'FORCE_COLOR'] as const;
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  const folder = mkdtempSync(path.join(os.tmpdir(), 'runner-screens-'));
  const playgroundRoot = path.join(folder, 'playground');
  process.env.PLAYGROUND_DIR = playgroundRoot;
  process.env.NO_COLOR = '1';
  delete process.env.FORCE_COLOR;
  let count = 0;
  beforeEach(() => {
    process.env.PLAYGROUND_PROGRESS_FILE = path.join(folder, `progress-${++count}.json`);
  });
  afterAll(() => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    rmSync(folder, { recursive: true, force: true });
  });
  return { playgroundRoot, progressFile: () => process.env.PLAYGROUND_PROGRESS_FILE! };
}

/** Resolves as `closing` does, or fails when the screen has not closed within `timeoutMs`: a screen must never hang. */
export async function closesWithin<T>(closing: Promise<T>, timeoutMs = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`The screen did not close within ${timeoutMs} ms.`)), timeoutMs);
  });
  try {
    return await Promise.race([closing, late]);
  } finally {
    clearTimeout(timer);
  }
}
