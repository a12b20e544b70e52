// The requests a running lesson app suggests are shown in the learner's language: the sentence
// comes in both, and the command is the same for both, so a part to fill in is a name (<url>,
// <_id>) that each sentence explains, never English words inside the command.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allLessons, lessonPaths, type LessonAppModule } from '../../src/lessons/catalog.ts';

describe.each(allLessons().map((lesson) => [lesson.slug, lesson] as const))(
  'the requests to try in %s',
  (_, lesson) => {
    it('fill in names, not English sentences, and each sentence says what goes in their place', async () => {
      const app = (await import(pathToFileURL(lessonPaths(lesson).appFile).href)) as LessonAppModule;
      for (const { what, whatHinglish, command } of app.tryIt('http://127.0.0.1:3000')) {
        for (const [placeholder] of command.matchAll(/<[^<>]*>/g)) {
          expect(placeholder, command).toMatch(/^<[\w.-]+>$/);
          expect(`${what}\n${whatHinglish}`, command).toContain(placeholder);
        }
      }
    });
  },
);
