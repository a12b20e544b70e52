// The learner's progress on this machine, in .playground-progress.json at the project root.
// A missing or broken file never stops the runner: it starts fresh and says so, and a broken
// one is first set aside beside it, never overwritten. Only the runner writes progress, and it
// keeps what it wrote last in a backup beside the file: a file that code deleted or rewrote (a
// learner's app can reach it) is never trusted, and the backup's progress is kept.
import { readFileSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomicSync } from '../files/write-atomic.ts';
import { allLessons, projectRoot } from '../lessons/catalog.ts';
import { progressWords } from './progress-words.ts';

/** Real progress takes a few hundred bytes; anything past this is not a progress file. */
const largestProgressBytes = 64 * 1024;

export type Language = 'en' | 'hinglish';

/** The language a `--lang` value names ("english" too), or the line saying it names none, in `saidIn`. */
export function readLanguage(
  value: string | undefined,
  saidIn: Language = 'en',
): { language: Language; problem?: undefined } | { problem: string; language?: undefined } {
  if (value === 'en' || value === 'english') return { language: 'en' };
  if (value === 'hinglish') return { language: value };
  return {
    problem:
      saidIn === 'hinglish'
        ? `--lang ke saath "en" ya "hinglish" likhiye, "${value ?? ''}" nahi.`
        : `--lang takes "en" or "hinglish", not "${value ?? ''}".`,
  };
}

export interface LessonProgress {
  /** The lesson's last check passed (a failing check or a reset takes it back). */
  done?: boolean;
  /** A check of the lesson passed at least once: the solution is no spoiler any more. */
  passedOnce?: boolean;
  /** How many hints the learner has seen (the next hint is this + 1). */
  hintsShown?: number;
}

export interface Progress {
  language?: Language;
  /** Slug of the lesson opened last, to continue where the learner left off. */
  lastLesson?: string;
  lessons: Record<string, LessonProgress>;
}

interface LoadedProgress {
  progress: Progress;
  /** One line for the learner when the file was missing, unreadable, or not as the runner left it. */
  notice?: string;
  missing: boolean;
  /** A broken file that could not be set aside: saving would overwrite it, so nothing is saved. */
  unsaveable?: boolean;
}

/** Where progress is kept; PLAYGROUND_PROGRESS_FILE overrides it (the tests use a temporary file). */
function progressFile(): string {
  return process.env.PLAYGROUND_PROGRESS_FILE || path.join(projectRoot, '.playground-progress.json');
}

/** Where the runner keeps a copy of what it saved last, beside the progress file. */
function backupFile(file: string): string {
  return path.join(path.dirname(file), `${path.basename(file, '.json')}.backup.json`);
}

function readOrUndefined(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function tamperedNow(file: string): 'missing' | 'changed' | undefined {
  const saved = readOrUndefined(backupFile(file));
  if (saved === undefined) return undefined;
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  if (size === undefined) return 'missing';
  // A file far too big for progress is not read whole to be told apart.
  return size <= largestProgressBytes && readOrUndefined(file) === saved ? undefined : 'changed';
}

/**
 * How the progress file differs from what the runner saved last: deleted, or changed by someone
 * else (a learner's code, a hand edit); undefined when it is as saved, or nothing was saved yet.
 */
export function progressTampered(file: string = progressFile()): 'missing' | 'changed' | undefined {
  // Another runner may save between the two reads (backup first, then the file): a second look sees it done.
  return tamperedNow(file) && tamperedNow(file);
}

/** Puts back the progress the runner saved last, over a file someone else changed or deleted. */
export function putBackProgress(file: string = progressFile()): void {
  const saved = readOrUndefined(backupFile(file));
  if (saved !== undefined) writeFileAtomicSync(file, saved);
}

/** The file's name as the learner sees it, from where they run the playground. */
export function shownProgressFile(file: string = progressFile()): string {
  return path.relative(process.cwd(), file);
}

/** The progress the runner saved last, with one line saying why the file itself was not read. */
function fromBackup(file: string, how: 'missing' | 'changed'): LoadedProgress | undefined {
  const progress = readProgress(backupFile(file));
  if (!progress) return undefined;
  const words = progressWords[progress.language ?? 'en'];
  return { progress, missing: false, notice: words[how](shownProgressFile(file), shownProgressFile(backupFile(file))) };
}

/** The progress in `file`, cleaned; undefined when it cannot be read or is no progress. */
function readProgress(file: string): Progress | undefined {
  return parsedProgress(readOrUndefined(file));
}

function parsedProgress(text: string | undefined): Progress | undefined {
  try {
    return cleaned(JSON.parse(text ?? ''));
  } catch {
    return undefined;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Keeps only the fields we know, with the right types, so a hand-edited file cannot confuse the runner. */
function cleaned(raw: unknown): Progress | undefined {
  if (!isRecord(raw)) return undefined;
  const progress: Progress = { lessons: {} };
  if (raw.language === 'en' || raw.language === 'hinglish') progress.language = raw.language;
  if (typeof raw.lastLesson === 'string') progress.lastLesson = raw.lastLesson;
  const known = new Set(allLessons().map((lesson) => lesson.slug));
  for (const [slug, value] of Object.entries(isRecord(raw.lessons) ? raw.lessons : {})) {
    if (!known.has(slug) || !isRecord(value)) continue;
    const entry: LessonProgress = (progress.lessons[slug] = {});
    if (value.done === true) entry.done = true;
    // Files written before passedOnce existed: a lesson done then had passed.
    if (value.passedOnce === true || value.done === true) entry.passedOnce = true;
    if (typeof value.hintsShown === 'number' && value.hintsShown > 0) entry.hintsShown = Math.floor(value.hintsShown);
  }
  return progress;
}

/** Reads the progress file; never throws. A file that cannot be progress is set aside first. */
export function loadProgress(file: string = progressFile()): LoadedProgress {
  const tampered = progressTampered(file);
  const kept = tampered && fromBackup(file, tampered);
  if (kept) return kept;
  const size = statSync(file, { throwIfNoEntry: false })?.size;
  // Nothing to tell: the runner welcomes a learner who has no progress yet.
  if (size === undefined) return { progress: { lessons: {} }, missing: true };
  // A file this big is not read, so the language it may name is not known.
  if (size > largestProgressBytes)
    return setAside(file, progressWords.en.tooBig((size / 1024 / 1024).toFixed(1)), 'en');
  const text = readOrUndefined(file);
  const progress = parsedProgress(text);
  // A broken file may still name the learner's language: its notice is said in it.
  const language = /"language"\s*:\s*"hinglish"/.test(text ?? '') ? 'hinglish' : 'en';
  return progress ? { progress, missing: false } : setAside(file, progressWords[language].unreadable, language);
}

/** Renames a broken progress file beside itself, so the next save cannot overwrite what it held. */
function setAside(file: string, why: string, language: Language): LoadedProgress {
  const kept = path.join(path.dirname(file), `${path.basename(file, '.json')}.broken-${Date.now()}.json`);
  const words = progressWords[language];
  const name = path.basename(file);
  try {
    renameSync(file, kept);
    return {
      progress: { lessons: {} },
      missing: false,
      notice: words.setAside(name, why, shownProgressFile(kept)),
    };
  } catch {
    return { progress: { lessons: {} }, missing: false, unsaveable: true, notice: words.notMoved(name, why) };
  }
}

/**
 * Writes the progress atomically (temporary file, then rename), so a crash never leaves half a
 * file, and its backup first: a reader between the two renames sees the new backup, then the new file.
 */
export function saveProgress(progress: Progress, file: string = progressFile()): void {
  const text = JSON.stringify(progress, null, 2) + '\n';
  writeFileAtomicSync(backupFile(file), text);
  writeFileAtomicSync(file, text);
}

/**
 * Reads the latest progress, applies `change` and saves it. Re-reading first keeps what
 * another runner (say `npm run lesson` in a second terminal) saved in the meantime.
 */
export function updateProgress(change: (progress: Progress) => void, file: string = progressFile()): Progress {
  const { progress, unsaveable } = loadProgress(file);
  change(progress);
  try {
    if (!unsaveable) saveProgress(progress, file);
  } catch {
    // Progress is a convenience: a read-only folder must not stop the lesson.
  }
  return progress;
}

/** The progress entry of one lesson (an empty one when it was never opened). */
export function lessonProgress(progress: Progress, slug: string): LessonProgress {
  return progress.lessons[slug] ?? {};
}

/** Records a check's verdict: a pass marks the lesson done, a fail takes "done" back (passedOnce stays). */
export function recordCheck(slug: string, passed: boolean): Progress {
  return updateProgress(({ lessons }) => {
    const { done, ...kept } = lessons[slug] ?? {};
    lessons[slug] = passed ? { done: true, ...kept, passedOnce: true } : kept;
  });
}

/** Records that the exercise went back to the starter: it is not done any more (passedOnce stays). */
export function noteReset(slug: string): Progress {
  return recordCheck(slug, false);
}

/** Records that hint `number` was shown (the count never goes down). */
export function noteHintShown(slug: string, number: number): Progress {
  return updateProgress(({ lessons }) => {
    lessons[slug] = { ...lessons[slug], hintsShown: Math.max(lessons[slug]?.hintsShown ?? 0, number) };
  });
}

/** Remembers the lesson the learner opened last. */
export function noteLessonOpened(slug: string): Progress {
  return updateProgress((progress) => {
    progress.lastLesson = slug;
  });
}

/** Remembers the learner's language. */
export function saveLanguage(language: Language): Progress {
  return updateProgress((progress) => {
    progress.language = language;
  });
}
