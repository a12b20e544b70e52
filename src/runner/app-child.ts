// "Run the app" from the menu or the command line: src/apps/run-lesson-app.ts in a child
// process of its own, so a learner's endless loop or open handle cannot freeze the runner.
// Like a development server, it restarts the app when the learner saves a file of the lesson
// (and says so), on the same port, so the pasted requests keep working; an app that crashed
// waits for the next save. Enter, q or Ctrl-C stop it.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { lessonPaths, projectRoot, type LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';
import { onShutdown } from '../processes/shutdown.ts';
import type { Language } from '../progress/progress-store.ts';
import { openInBrowser } from './browser-open.ts';
import { startInChildGroup, stoppingLine, type ChildGroup, type ChildRunEnd } from './child-group.ts';
import { listenForStop } from './keys.ts';
import { watchFolder } from '../check/file-watch.ts';
import { paint } from '../terminal/terminal.ts';

const entry = fileURLToPath(new URL('../apps/run-lesson-app.ts', import.meta.url));

const words = {
  en: {
    restartsOnSave: (folder: string) => `Save a file in ${folder}/ and the app restarts with your change.`,
    restarting: (files: string) =>
      `Saved ${files}: restarting the app with your change (the database starts empty again)…`,
    waiting: (folder: string) =>
      `The app is not running. Fix your code and save a file in ${folder}/: it starts again. (Enter or Ctrl-C stops.)`,
    starting: (files: string) => `Saved ${files}: starting the app again…`,
  },
  hinglish: {
    restartsOnSave: (folder: string) =>
      `${folder}/ mein koi file save kijiye, app aapke change ke saath restart ho jaayega.`,
    restarting: (files: string) =>
      `Save hua: ${files}. App aapke change ke saath restart ho raha hai (database phir se khaali)…`,
    waiting: (folder: string) =>
      `App abhi nahi chal raha. Code theek kijiye aur ${folder}/ mein file save kijiye: app phir start hoga. (Enter ya Ctrl-C se band.)`,
    starting: (files: string) => `Save hua: ${files}. App phir se start ho raha hai…`,
  },
};

interface AppRunOptions {
  /** Which copy to run; saves restart only the learner's own (playground). */
  target: ExerciseTarget;
  /** The port to listen on; a free one when not given (then kept across restarts). */
  port?: number;
  language?: Language;
  /** Open the app's page in the system's browser once it listens. */
  open?: boolean;
}

/** Runs the lesson's app until the learner stops it (Enter, q or Ctrl-C) or it fails to start. */
export async function runAppInChild(lesson: LessonEntry, options: AppRunOptions): Promise<ChildRunEnd> {
  const language = options.language ?? 'en';
  const said = words[language];
  const say = (line: string) => console.log(line);
  const folder = path.relative(projectRoot, lessonPaths(lesson).playgroundDir);
  const saves: SaveWatch | undefined =
    options.target === 'playground' ? await watchSaves(lessonPaths(lesson).playgroundDir) : undefined;
  let port = options.port;
  let current: ChildGroup | undefined;
  let ending = false;
  const forgetShutdown = onShutdown(() => {
    ending = true;
    return current?.stop();
  });
  const keys = listenForStop((times) => {
    if (times > 1) return void current?.kill();
    say(stoppingLine(language));
  });
  const stopped = keys.pressed.then(() => ({ kind: 'stop' as const }));
  const saved = () => saves!.next().then((files) => ({ kind: 'saved' as const, files: named(files) }));
  let listened = false;
  try {
    for (;;) {
      saves?.clear(); // what is saved from here on is in the copy the new app loads
      const args = [...appArguments(lesson, options, language, port), ...(saves ? ['--on-save'] : [])];
      current = startInChildGroup(entry, listened ? [...args, '--again'] : args, {
        language,
        onMessage(message) {
          const url =
            (message as { type?: string; url?: string } | null)?.type === 'ready' && (message as { url: string }).url;
          if (!url) return;
          port ??= Number(new URL(url).port); // the pasted requests keep working after a restart
          if (listened) return;
          listened = true;
          if (saves) say(paint('dim', said.restartsOnSave(folder)));
          if (options.open) openInBrowser(url, language, say);
        },
      });
      const ended = current.ended.then((code) => ({ kind: 'ended' as const, code }));
      const event = await Promise.race(saves ? [stopped, ended, saved()] : [stopped, ended]);
      if (event.kind === 'stop' || ending) {
        await current.stop();
        return { code: event.kind === 'ended' ? event.code : 0, stoppedByLearner: event.kind === 'stop' };
      }
      if (event.kind === 'saved') {
        say(paint('cyan', said.restarting(event.files)));
        await current.stop('restart');
        continue;
      }
      // It ended by itself: it failed to start (the command's end), or crashed once it ran (wait for a fix).
      if (!saves || !listened) return { code: event.code, stoppedByLearner: false };
      say(paint('yellow', said.waiting(folder)));
      // Nothing else keeps this process alive while it waits: no child, and the watch's timer does not.
      const alive = setInterval(() => {}, 60_000);
      const next = await Promise.race([stopped, saved()]).finally(() => clearInterval(alive));
      if (next.kind === 'stop' || ending) return { code: 0, stoppedByLearner: true };
      say(paint('cyan', said.starting(next.files)));
    }
  } finally {
    keys.release();
    saves?.stop();
    forgetShutdown();
  }
}

/** The child's command line: the lesson, the copy, the port and the language (a restart adds --again). */
function appArguments(lesson: LessonEntry, options: AppRunOptions, language: Language, port?: number): string[] {
  const args = [lesson.number, '--target', options.target, '--lang', language];
  if (port !== undefined) args.push('--port', String(port));
  return args;
}

/** Saved files as the learner knows them: their names in the lesson's folder. */
function named(files: string[]): string {
  return files.map((file) => path.basename(file)).join(', ');
}

// The learner's saves in the lesson's folder, as something to wait for: the running app restarts
// at the next one. Noticing them is src/check/file-watch.ts's job; this keeps the saves that
// come while nobody waits, until asked.
interface SaveWatch {
  /** The files saved since the last call (or clear()), as soon as there are any. */
  next(): Promise<string[]>;
  /** Forgets the saves so far. */
  clear(): void;
  stop(): void;
}

/** Starts noticing saves in `folder`. */
async function watchSaves(folder: string): Promise<SaveWatch> {
  let saved = new Set<string>();
  let waiting: { promise: Promise<string[]>; resolve: (files: string[]) => void } | undefined;
  const take = () => {
    const files = [...saved];
    saved = new Set();
    return files;
  };
  const watch = await watchFolder(folder, (files) => {
    for (const file of files) saved.add(file);
    if (!waiting) return;
    const { resolve } = waiting;
    waiting = undefined;
    resolve(take());
  });
  return {
    next() {
      if (saved.size) return Promise.resolve(take());
      if (!waiting) {
        let resolve!: (files: string[]) => void;
        const promise = new Promise<string[]>((settle) => (resolve = settle));
        waiting = { promise, resolve };
      }
      return waiting.promise;
    },
    clear: () => void (saved = new Set()),
    stop: () => watch.stop(),
  };
}
