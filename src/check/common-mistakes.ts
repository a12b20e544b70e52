// A lesson's own words for a mistake it already warns about: the bullets of its "Common
// mistakes" section. A check that recognises the mistake names its bullet (aboutMistake); an
// error the learner's code threw is matched by the message the bullet quotes (the lessons quote
// the very message, e.g. `ReferenceError: string is not defined`). Words of advice are never
// matched: the check's advice quotes code from many bullets, so the first match was often another
// mistake. The learner then reads the sentence they may already have seen, instead of a general one.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lessonPaths, type LessonEntry } from '../lessons/catalog.ts';
import type { VerdictLanguage } from './explain-words.ts';
import { inLanguage } from './two-languages.ts';
import type { FailureDetail } from './types.ts';

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

/** A bullet's name: its bold first words, plain, without the closing full stop ("resolve(error)"). */
function leadOf(bullet: string): string {
  return plain(/^\*\*([\s\S]+?)\*\*/.exec(bullet)?.[1] ?? '').replace(/\.$/, '');
}

/** The code a bullet quotes, long enough to be an error message rather than a word. */
function quotedMessages(bullet: string): string[] {
  const spans = [...bullet.matchAll(/(`+)\s?([\s\S]+?)\s?\1/g)].map((match) => plain(match[2]).toLowerCase());
  return spans.filter((span) => span.length >= 16);
}

const mistakeTag = / ?\[common mistake: ([^\]]+)\]/;

/** A check's `message`, naming the lesson's bullet about the mistake it found, by the bullet's bold words. */
export function aboutMistake(message: string, lead: string): string {
  return `${message} [common mistake: ${lead}]`;
}

/** A message without the bullet it names, and that bullet's bold words. */
export function mistakeNamedIn(message: string): { message: string; mistake?: string } {
  const named = mistakeTag.exec(message);
  return named ? { message: message.replace(mistakeTag, ''), mistake: named[1] } : { message };
}

/** The bullet about the mistake, in `language` (English when that one has none): its text, plain, if there is one. */
export function lessonWordsFor(
  lesson: LessonEntry,
  clue: { named?: string; thrown?: string },
  language: VerdictLanguage,
): string | undefined {
  const english = mistakeBullets(lesson, 'en');
  const thrown = clue.thrown && plain(clue.thrown).toLowerCase();
  const index = clue.named
    ? english.findIndex((bullet) => leadOf(bullet) === plain(clue.named ?? ''))
    : english.findIndex((bullet) => thrown && quotedMessages(bullet).some((quoted) => thrown.includes(quoted)));
  if (index < 0) return undefined;
  const translated = language === 'hinglish' ? mistakeBullets(lesson, 'hinglish')[index] : undefined;
  return plain(translated ?? english[index]);
}

/**
 * "TypeError: " before an error the learner's code threw; nothing before the errors of the checks
 * themselves (tests/support/settle.ts, assertions), which already speak in full sentences.
 */
export function thrownName(failure: FailureDetail): string {
  return failure.name && !['AssertionError', 'Error', 'NeverSettled'].includes(failure.name) ? `${failure.name}: ` : '';
}

/** The bullet about a failed check: the one the check named, else the one quoting what the learner's code threw. */
export function lessonWordsForFailure(lesson: LessonEntry, failure: FailureDetail, language: VerdictLanguage) {
  if (failure.mistake) return lessonWordsFor(lesson, { named: failure.mistake }, language);
  // Never the check's own advice; in English, as the bullets quote errors the way Node says them.
  const ownError = !failure.note && thrownName(failure) ? thrownName(failure) + inLanguage(failure.message, 'en') : '';
  return lessonWordsFor(
    lesson,
    { thrown: `${ownError}\n${inLanguage(failure.serverError?.message ?? '', 'en')}` },
    language,
  );
}
