// What TypeScript says about the learner's files, beside the check's verdict: checks run the
// code (tsx and Vite only strip types), so a type error would otherwise go unseen, though a
// lesson teaches one (TS2339 on a Promise not awaited). Runs in a thread of its own
// (type-check-thread.mjs), warm for as long as the checker lives.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { lessonPaths, projectRoot, type LessonEntry } from '../../lessons/catalog.ts';

/** One thing TypeScript says about a learner's file. */
export interface TypeIssue {
  /** Absolute path. */
  file: string;
  line?: number;
  column?: number;
  /** TypeScript's error number: 2339 for TS2339. */
  code: number;
  /** TypeScript's sentence, one line per step of its reasoning. */
  message: string;
  /** The learner's line it is about, as written (trimmed). */
  source?: string;
}

const threadFile = new URL('./type-check-thread.mjs', import.meta.url);

export class TypeChecker {
  private thread?: Worker;
  private asked = 0;
  private readonly waiting = new Map<number, (issues: TypeIssue[]) => void>();

  /** What TypeScript says about `files` (absolute paths); an empty list if it could not tell. Never rejects. */
  check(files: string[]): Promise<TypeIssue[]> {
    const thread = this.start();
    const id = ++this.asked;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      thread.postMessage({ id, files });
    });
  }

  /** Starts the thread now, so that the first check finds it warm. */
  start(): Worker {
    if (this.thread) return this.thread;
    const thread = new Worker(threadFile, { workerData: { projectRoot }, execArgv: [] });
    thread.unref();
    thread.on('message', ({ id, issues }: { id: number; issues: TypeIssue[] }) => {
      this.waiting.get(id)?.(issues);
      this.waiting.delete(id);
    });
    const failed = () => {
      for (const resolve of this.waiting.values()) resolve([]);
      this.waiting.clear();
      this.thread = undefined;
    };
    thread.on('error', failed);
    thread.on('exit', failed);
    this.thread = thread;
    return thread;
  }

  /** Ends the thread. */
  async stop(): Promise<void> {
    const thread = this.thread;
    this.thread = undefined;
    await thread?.terminate();
  }
}

/** The learner's files of `lesson` that TypeScript looks at: its exercise files in playground/. */
export function learnerTypedFiles(lesson: LessonEntry): string[] {
  const folder = lessonPaths(lesson).playgroundDir;
  return lesson.exerciseFiles.map((file) => path.join(folder, file));
}
