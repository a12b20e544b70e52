// Reads a lesson's texts from lessons/<slug>/: the lesson itself and its hints, in the
// learner's language, falling back to English when a translation is missing.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import type { Language } from '../progress/progress-store.ts';

export interface LessonText {
  markdown: string;
  /** Set when the text is not in the wanted language, or missing altogether: one line for the learner. */
  note?: string;
}

/** lesson.md or lesson.hinglish.md (and the same for hints). */
function fileFor(lesson: LessonEntry, base: 'lesson' | 'hints', language: Language): string {
  return path.join(lessonPaths(lesson).lessonDir, language === 'hinglish' ? `${base}.hinglish.md` : `${base}.md`);
}

function readInLanguage(lesson: LessonEntry, base: 'lesson' | 'hints', language: Language): LessonText | undefined {
  const wanted = fileFor(lesson, base, language);
  if (existsSync(wanted)) return { markdown: readFileSync(wanted, 'utf8') };
  const english = fileFor(lesson, base, 'en');
  if (language !== 'en' && existsSync(english)) {
    return {
      markdown: readFileSync(english, 'utf8'),
      note: `This ${base === 'lesson' ? 'lesson' : 'hint'} has no Hinglish version yet, so here it is in English.`,
    };
  }
  return undefined;
}

/** The lesson's text in the language, or a short stand-in when the lesson has no text yet. */
export function readLessonText(lesson: LessonEntry, language: Language): LessonText {
  return (
    readInLanguage(lesson, 'lesson', language) ?? {
      markdown: `# ${language === 'hinglish' ? lesson.titleHinglish : lesson.title}\n`,
      note: `The text of this lesson is not written yet (lessons/${lesson.slug}/lesson.md).`,
    }
  );
}

export interface Hint {
  number: number;
  markdown: string;
}

/** Splits a hints file into its `## Hint N` sections, in order. */
export function parseHints(markdown: string): Hint[] {
  const hints: Hint[] = [];
  const heading = /^##\s+Hint\s+(\d+)\b.*$/gim;
  const starts = [...markdown.matchAll(heading)];
  starts.forEach((match, index) => {
    const bodyStart = (match.index ?? 0) + match[0].length;
    const bodyEnd = index + 1 < starts.length ? starts[index + 1].index : markdown.length;
    hints.push({ number: Number(match[1]), markdown: markdown.slice(bodyStart, bodyEnd).trim() });
  });
  return hints.sort((a, b) => a.number - b.number);
}

/** The lesson's hints in the language (English when not translated), and a note when it fell back. */
export function readHints(lesson: LessonEntry, language: Language): { hints: Hint[]; note?: string } {
  const text = readInLanguage(lesson, 'hints', language);
  if (!text) return { hints: [] };
  return { hints: parseHints(text.markdown), note: text.note };
}
