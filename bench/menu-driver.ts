// Drives `npm start` in a real terminal (a tmux session) the way a learner does: open a
// lesson, read a moment, then "Check my solution" again and again, timing each from the
// key press to the verdict on screen. Without tmux, there is nothing to measure with.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { LessonEntry } from '../src/lessons/catalog.ts';
import { projectRoot } from '../src/lessons/catalog.ts';
import { median } from './measure.ts';

const session = `menu-bench-${process.pid}`;

function tmux(...args: string[]): string {
  return spawnSync('tmux', args, { encoding: 'utf8' }).stdout ?? '';
}

/** Everything the session printed so far (its history included). */
function screen(): string {
  return tmux('capture-pane', '-p', '-t', session, '-S', '-2000');
}

function count(text: string, word: string): number {
  return text.split(word).length - 1;
}

/** Resolves once `word` appears more than `seen` times; rejects after `withinMs`. */
async function until(word: string, seen: number, withinMs = 60_000): Promise<void> {
  const deadline = performance.now() + withinMs;
  while (count(screen(), word) <= seen) {
    if (performance.now() > deadline) throw new Error(`The menu never showed "${word}":\n${screen()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Times the menu's checks of `lesson` (the learner's copy, which should pass); undefined without tmux. */
export async function menuChecks(
  env: NodeJS.ProcessEnv,
  lesson: LessonEntry,
  runs = 5,
): Promise<{ first: number; later: number; runs: number } | undefined> {
  if (spawnSync('tmux', ['-V']).status !== 0) return undefined;
  // A returning learner, English chosen, on this lesson: the menu opens with it selected.
  writeFileSync(
    env.PLAYGROUND_PROGRESS_FILE!,
    JSON.stringify({ language: 'en', lastLesson: lesson.slug, lessons: {} }),
  );
  const variables = ['PLAYGROUND_DIR', 'PLAYGROUND_PROGRESS_FILE'].map((name) => `${name}=${env[name]}`);
  tmux(
    'new-session',
    '-d',
    '-s',
    session,
    '-x',
    '120',
    '-y',
    '40',
    '-c',
    projectRoot,
    `env ${variables.join(' ')} npm start`,
  );
  try {
    await until('Which lesson?', 0);
    tmux('send-keys', '-t', session, 'Enter');
    await until('q: skip to the menu', 0); // the lesson's first page
    await wait(3000); // the learner reads the lesson; the check warms up meanwhile
    tmux('send-keys', '-t', session, 'q');
    await until('what next?', 0);
    // The actions: run, edit, check, … The cursor is on "run".
    tmux('send-keys', '-t', session, 'Down', 'Down');
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const seen = count(screen(), 'Passed!');
      const lists = count(screen(), 'what next?');
      const started = performance.now();
      tmux('send-keys', '-t', session, 'Enter');
      await until('Passed!', seen);
      times.push(performance.now() - started);
      // After a pass the cursor goes to "Go on to lesson N", added first: once the list is back
      // (keys sent before it would be lost on a busy machine), down to "check" again, after the
      // second or so a learner takes to read the verdict (the figure before this session's change).
      await until('what next?', lists);
      await wait(1500);
      tmux('send-keys', '-t', session, ...Array(3).fill('Down'));
    }
    return { first: times[0], later: median(times.slice(1)), runs };
  } finally {
    tmux('kill-session', '-t', session);
  }
}
