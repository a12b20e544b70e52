// What the proof runs: for every lesson of the manifest, its tests against the
// solution (must pass), the starter (must fail) and each known mistake (must fail,
// with that mistake's own explanation). That every lesson has what this needs is
// the anatomy check's business (src/prove/anatomy.ts).
import { allLessons, type KnownMistake, type LessonEntry } from '../lessons/catalog.ts';
import type { LessonCheckRequest } from '../check/index.ts';

export type Expectation = { kind: 'passes' } | { kind: 'fails' } | { kind: 'fails-explaining'; mistake: KnownMistake };

/** One lesson variant the proof checks. */
export interface ProofVariant {
  lesson: LessonEntry;
  request: LessonCheckRequest;
  expect: Expectation;
}

/** Every variant to run. */
export function proofPlan(lessons: LessonEntry[] = allLessons()): ProofVariant[] {
  const variants: ProofVariant[] = [];
  for (const lesson of lessons) {
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
  return variants;
}
