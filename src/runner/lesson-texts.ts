// A lesson's texts in the learner's language: its title, and from lessons/<slug>/ the lesson
// itself and its hints. Every lesson has both languages: the proof checks it (src/prove/anatomy.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import { lessonProgress, loadProgress, type Language } from '../progress/progress-store.ts';

/** The lesson's title in the learner's language. */
export function lessonTitle(lesson: LessonEntry, language: Language = 'en'): string {
  return language === 'hinglish' ? lesson.titleHinglish : lesson.title;
}

/** lesson.md or lesson.hinglish.md (and the same for hints). */
function fileFor(lesson: LessonEntry, base: 'lesson' | 'hints', language: Language): string {
  return path.join(lessonPaths(lesson).lessonDir, language === 'hinglish' ? `${base}.hinglish.md` : `${base}.md`);
}

/** The lesson's text (markdown) in the language. */
export function readLessonText(lesson: LessonEntry, language: Language): string {
  return readFileSync(fileFor(lesson, 'lesson', language), 'utf8');
}

interface Hint {
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

/** The lesson's hints in the language, in order. */
export function readHints(lesson: LessonEntry, language: Language): Hint[] {
  return parseHints(readFileSync(fileFor(lesson, 'hints', language), 'utf8'));
}

/** How many hints the lesson has, and how many the learner has seen. */
export function hintCount(lesson: LessonEntry): { total: number; shown: number } {
  const total = readHints(lesson, 'en').length; // the proof checks both languages have the same hints
  const shown = lessonProgress(loadProgress().progress, lesson.slug).hintsShown ?? 0;
  return { total, shown: Math.min(shown, total) };
}
