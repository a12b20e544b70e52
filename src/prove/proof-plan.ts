// What the proof runs: for every lesson of the manifest, its tests against the
// solution (must pass), the starter (must fail) and each known mistake (must fail,
// with that mistake's own explanation).
import { existsSync } from 'node:fs';
import { allLessons, lessonPaths, type KnownMistake, type LessonEntry } from '../lessons/catalog.ts';
import type { LessonCheckRequest } from '../check/index.ts';

export type Expectation = { kind: 'passes' } | { kind: 'fails' } | { kind: 'fails-explaining'; mistake: KnownMistake };

/** One lesson variant the proof checks. */
export interface ProofVariant {
  lesson: LessonEntry;
  request: LessonCheckRequest;
  expect: Expectation;
}

/** A lesson the proof cannot check at all, and why. */
export interface LessonGap {
  lesson: LessonEntry;
  why: string;
}

/** Every variant to run, and the lessons missing what the proof needs. */
export function proofPlan(lessons: LessonEntry[] = allLessons()): { variants: ProofVariant[]; gaps: LessonGap[] } {
  const variants: ProofVariant[] = [];
  const gaps: LessonGap[] = [];
  for (const lesson of lessons) {
    const paths = lessonPaths(lesson);
    const missing = [
      existsSync(paths.testFile) ? undefined : `tests/${lesson.slug}.test.ts`,
      existsSync(paths.starterDir) ? undefined : `lessons/${lesson.slug}/starter/`,
    ].filter((item) => item !== undefined);
    if (missing.length) {
      gaps.push({
        lesson,
        why: `has no ${missing.join(' and no ')}: every lesson needs both (README, "Adding a lesson")`,
      });
      continue;
    }
    variants.push({ lesson, request: { lesson, target: 'solution' }, expect: { kind: 'passes' } });
    variants.push({ lesson, request: { lesson, target: 'starter' }, expect: { kind: 'fails' } });
    for (const mistake of lesson.mistakes) {
      variants.push({
        lesson,
        request: { lesson, target: `mistake:${mistake.folder}` },
        expect: { kind: 'fails-explaining', mistake },
      });
    }
  }
  return { variants, gaps };
}
