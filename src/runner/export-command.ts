// `npm run lesson -- export [folder]` and the menu's "Export your app": the learner's lesson 08
// app written out as a project of its own (src/export/), then what was written and the commands
// that run it. Exporting is always allowed; an app that has not passed its check is said to be so.
import path from 'node:path';
import { defaultExportFolder, exportApp } from '../export/export-app.ts';
import { exportedLesson } from '../lessons/catalog.ts';
import { lessonProgress, loadProgress, type Language } from '../progress/progress-store.ts';
import { exportWords } from './export-words.ts';

/** Where the learner's output goes: one line at a time, as information, a warning or an error. */
interface ExportSay {
  info(text: string): void;
  warn(text: string): void;
  error(text: string): void;
}

/** The folder the learner typed, from where they typed it (npm runs scripts from the project root, and says where it was called in INIT_CWD). */
export function exportFolder(typed: string | undefined): string {
  return typed ? path.resolve(process.env.INIT_CWD || process.cwd(), typed) : defaultExportFolder();
}

/** `folder` as the learner can type it from where they are: relative when that is shorter, quoted when it has spaces. */
function shown(folder: string): string {
  const relative = path.relative(process.env.INIT_CWD || process.cwd(), folder) || '.';
  const short = relative.length < folder.length ? relative : folder;
  return /\s/.test(short) ? `"${short}"` : short;
}

/** The written files, each folder as one entry with its count: "server.ts, src/ (6 files), …". */
function summary(files: string[], language: Language): string {
  const counts = new Map<string, number>();
  for (const file of files) {
    const [top, ...rest] = file.split(path.sep);
    const key = rest.length ? `${top}/` : top;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const words = exportWords(language);
  return [...counts].map(([name, count]) => (name.endsWith('/') ? `${name} (${words.files(count)})` : name)).join(', ');
}

/** Exports the learner's app to `folder` and says so; answers the exit code (0 written, 1 refused). */
export async function exportAndSay(folder: string, language: Language, say: ExportSay): Promise<number> {
  const words = exportWords(language);
  const lesson = exportedLesson();
  if (!lesson) {
    say.error(words.noLesson);
    return 1;
  }
  const passed = lessonProgress(loadProgress().progress, lesson.slug).done;
  const outcome = await exportApp(lesson, folder, language, () => {
    if (!passed) say.warn(words.notPassed(lesson.number));
  });
  if ('refused' in outcome) {
    const { refused } = outcome;
    say.error(words.refused(refused, refused.kind === 'missing-file' ? refused.file : shown(refused.folder)));
    return 1;
  }
  say.info(words.wrote(folder, summary(outcome.written, language)));
  say.info(
    [
      words.next,
      `  cd ${shown(folder)}`,
      '  npm install',
      `  cp .env.example .env      # ${words.fillIn}`,
      '  npm start',
    ].join('\n'),
  );
  return 0;
}
