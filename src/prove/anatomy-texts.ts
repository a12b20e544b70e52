// The proof's look at a lesson's texts: both languages have the same sections, and the hints
// are the same numbered, non-empty `## Hint N` sections in both (parsed as the runner parses them).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mistakeBulletsOf, mistakesHeading } from '../check/common-mistakes.ts';
import { parseHints } from '../runner/lesson-texts.ts';

/** The heading levels of a markdown text, in order ("#", "##", …), code blocks left out. */
function headingLevels(markdown: string): string[] {
  const levels: string[] = [];
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inCode = !inCode;
    const heading = !inCode && /^(#{1,6})\s/.exec(line);
    if (heading) levels.push(heading[1]);
  }
  return levels;
}

/** Where two lists of heading levels first part ways, in words; undefined when they match. */
function sectionsDiffer(english: string[], hinglish: string[]): string | undefined {
  if (english.join() === hinglish.join()) return undefined;
  const at = english.findIndex((level, index) => level !== hinglish[index]);
  const first = at < 0 ? english.length : at;
  return (
    `has ${english.length} headings in English and ${hinglish.length} in Hinglish, ` +
    `first different at heading ${first + 1} (${english[first] ?? 'none'} vs ${hinglish[first] ?? 'none'})`
  );
}

/** What is wrong with one lesson's texts in lessonDir, one sentence each; empty when nothing is. */
export async function textProblems(lessonDir: string): Promise<string[]> {
  const read = (name: string) => readFile(path.join(lessonDir, name), 'utf8').catch(() => undefined);
  const [lesson, lessonHinglish, hints, hintsHinglish] = await Promise.all(
    ['lesson.md', 'lesson.hinglish.md', 'hints.md', 'hints.hinglish.md'].map(read),
  );
  const problems: string[] = [];
  if (lesson !== undefined && lessonHinglish !== undefined) {
    const differ = sectionsDiffer(headingLevels(lesson), headingLevels(lessonHinglish));
    if (differ) problems.push(`lesson.md ${differ}: both languages need the same sections`);
    // A check quotes the Hinglish bullet at the English one's place: both need the section, bullet for bullet.
    const english = mistakeBulletsOf(lesson, 'en').length;
    const hinglish = mistakeBulletsOf(lessonHinglish, 'hinglish').length;
    if (english !== hinglish)
      problems.push(
        `lesson.md has ${english} bullets under "## ${mistakesHeading.en}" and lesson.hinglish.md ${hinglish} under "## ${mistakesHeading.hinglish}": give both the same`,
      );
  }
  for (const [name, text] of [
    ['hints.md', hints],
    ['hints.hinglish.md', hintsHinglish],
  ] as const) {
    if (text === undefined) continue;
    const parsed = parseHints(text);
    if (!parsed.length) problems.push(`${name} has no "## Hint 1" section`);
    for (const hint of parsed) if (!hint.markdown) problems.push(`${name}: Hint ${hint.number} is empty`);
    const numbers = parsed.map((hint) => hint.number).join();
    if (numbers !== parsed.map((_, index) => index + 1).join())
      problems.push(`${name} numbers its hints ${numbers}: number them 1, 2, 3… without gaps`);
  }
  if (hints !== undefined && hintsHinglish !== undefined) {
    const english = parseHints(hints).length;
    const hinglish = parseHints(hintsHinglish).length;
    if (english !== hinglish)
      problems.push(`hints.md has ${english} hints and hints.hinglish.md ${hinglish}: give both the same hints`);
  }
  return problems;
}
