// What a lesson's app says once it listens: where it runs, on which database and storage, and
// the requests to try; after a restart, one line (the requests were said before).
import { databaseLine } from '../database/database-line.ts';
import type { LessonAppModule, LessonEntry } from '../lessons/catalog.ts';
import type { ExerciseTarget } from '../lessons/exercise.ts';
import type { Services } from '../lessons/lesson-world.ts';
import type { Language } from '../progress/progress-store.ts';
import { paint } from '../terminal/terminal.ts';
import { appWords, type AppWords } from './app-words.ts';

interface BannerOptions {
  target: ExerciseTarget;
  language: Language;
  /** A restart after a save: one line. */
  again?: boolean;
  /** lessons/<slug>/app.ts, for its requests to try (not loaded for a restart). */
  appModule: () => Promise<LessonAppModule>;
}

/** Prints the banner of the app of `lesson`, listening at `url` on `services`. */
export async function announce(lesson: LessonEntry, url: string, services: Services, options: BannerOptions) {
  const { language, target } = options;
  const words = appWords(language);
  const { database, storage } = services;
  const databaseLines = database ? [paint('dim', `  ${databaseLine(database.kind, language, database.uri)}`)] : [];
  if (options.again) {
    console.log([paint(['bold', 'green'], words.runningAgain(lesson.number, url)), ...databaseLines].join('\n'));
    return;
  }
  const copy = target === 'playground' ? words.yourCode(`playground/${lesson.slug}`) : words.copy(target);
  const lines = [
    '',
    `${paint(['bold', 'green'], words.running(lesson.number, url))}  ${paint('dim', `(${copy})`)}`,
    ...databaseLines,
    ...(storage ? [paint('dim', `  ${words.storage} ${storageLine(storage, words)}`)] : []),
    '',
  ];
  const requests = (await options.appModule()).tryIt(url);
  if (requests.length) {
    lines.push(paint('bold', words.tryIt));
    requests.forEach((request, index) => {
      const what = language === 'hinglish' ? request.whatHinglish : request.what;
      lines.push(`  ${index + 1}. ${what}`, `     ${paint('cyan', request.command)}`);
    });
    lines.push('');
  }
  lines.push(paint('dim', lesson.ownServer ? words.outputBelow : words.requestsBelow));
  console.log(lines.join('\n'));
}

/** Which storage the app uploads to, in the learner's language. */
function storageLine(storage: NonNullable<Services['storage']>, words: AppWords): string {
  const url = storage.options.urlEndpoint;
  return storage.kind === 'local' && storage.folder ? words.localStorage(url, storage.folder) : words.yourImageKit(url);
}
