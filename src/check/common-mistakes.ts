// A lesson's own words for an error it already warns about: the bullets of its "Common
// mistakes" section, matched to an error by the code the bullet quotes (the lessons quote the
// very message, e.g. `ReferenceError: string is not defined`). The learner then reads the
// sentence they may already have seen, instead of a general one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import type { VerdictLanguage } from './explain-words.ts';

/** Text without Markdown's marks, on one line. */
function plain(markdown: string): string {
  return markdown
    .replace(/\*\*|__|`+/g, '')
    .replace(/(^|\s)_([^_]+)_(?=[\s.,;:]|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:])/g, '$1')
    .trim();
}

/** The heading of the section in each language's lesson text. */
export const mistakesHeading: Record<VerdictLanguage, string> = { en: 'Common mistakes', hinglish: 'Aam galtiyaan' };

/** The bullets of the "Common mistakes" section of `text`, in `language`. */
export function mistakeBulletsOf(text: string, language: VerdictLanguage): string[] {
  const section = new RegExp(`^## ${mistakesHeading[language]}\\s*$([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(
    text,
  )?.[1];
  return (section ?? '').split(/^- /m).slice(1);
}

/** The bullets of the "Common mistakes" section (the proof checks both languages have as many). */
function mistakeBullets(lesson: LessonEntry, language: VerdictLanguage): string[] {
  const file = path.join(lessonPaths(lesson).lessonDir, language === 'hinglish' ? 'lesson.hinglish.md' : 'lesson.md');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return mistakeBulletsOf(text, language);
}

/** The code a bullet quotes, long enough to be an error message rather than a word. */
function quotedMessages(bullet: string): string[] {
  const spans = [...bullet.matchAll(/(`+)\s?([\s\S]+?)\s?\1/g)].map((match) => plain(match[2]).toLowerCase());
  return spans.filter((span) => span.length >= 16);
}

/** The lesson's own sentence about `message`, in `language` (English when that one has none), if it has one. */
export function lessonWordsFor(lesson: LessonEntry, message: string, language: VerdictLanguage): string | undefined {
  const said = plain(message).toLowerCase();
  const english = mistakeBullets(lesson, 'en');
  const index = english.findIndex((bullet) => quotedMessages(bullet).some((quoted) => said.includes(quoted)));
  if (index < 0) return undefined;
  const translated = language === 'hinglish' ? mistakeBullets(lesson, 'hinglish')[index] : undefined;
  return plain(translated ?? english[index]);
}
