import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { EngineFirstSequencer } from './src/check/engine-first-sequencer.ts';
import { moduleCacheFolder } from './src/check/module-cache-folder.ts';
import type { CheckPlan, PlanEntry } from './src/check/plan.ts';
import { findLesson } from './src/lessons/catalog.ts';

// The check (src/check/) runs vitest with its plan in PLAYGROUND_CHECK, e.g. {"projects":
// [{"name":"engine"},{"name":"02-schema@solution","slug":"02-schema","target":"solution"}]}.
// Each entry becomes a project of its own, so one vitest start runs a lesson's tests against
// several copies of its exercise at once. Without a plan, everything runs against the learner's copies.
const plan: CheckPlan | undefined = process.env.PLAYGROUND_CHECK ? JSON.parse(process.env.PLAYGROUND_CHECK) : undefined;

// In a check, the check itself tells a stuck test from a slow one (by CPU time and by whether
// anything is still happening: src/check/worker/); vitest's wall-clock limits only stand back.
const checkTimeoutMs = 10 * 60_000;

// The engine's own tests, and those of the packages (packages/*/tests). The many small ones of
// the stand-in and the storage share their workers (a new worker for each file re-imports the same modules: about 30 s of CPU in all,
// on 2 cores); those that start processes or set the environment before importing the engine
// keep a worker each.
const sharedWorkerTests = [
  'packages/offline-mongodb/tests/*.test.ts',
  'packages/local-imagekit/tests/*.test.ts',
  // Pure functions on values made by hand: nothing of theirs outlives a test.
  'tests/engine/app-database-changes.test.ts',
  'tests/engine/check-explain.test.ts',
  'tests/engine/check-json-lines.test.ts',
  'tests/engine/check-proof.test.ts',
  'tests/engine/check-types.test.ts',
  'tests/engine/lesson-anatomy.test.ts',
  'tests/engine/lesson-variants.test.ts',
  'tests/engine/runner-arguments.test.ts',
  'tests/engine/runner-markdown.test.ts',
  'tests/engine/runner-progress.test.ts',
  'tests/engine/runner-write-atomic.test.ts',
];
const engineTests = ['tests/engine/**/*.test.ts', 'packages/*/tests/**/*.test.ts'];
const engineProjects: TestProjectInlineConfiguration[] = [
  {
    extends: true as const,
    test: { name: 'engine', include: engineTests, exclude: sharedWorkerTests },
  },
  { extends: true as const, test: { name: 'engine:shared', include: sharedWorkerTests, isolate: false } },
];

/** A lesson's tests against one copy of its exercise, as a project of its own; none for a lesson that is not there. */
function lessonProject(entry: PlanEntry): TestProjectInlineConfiguration[] {
  const lesson = entry.lesson === undefined ? undefined : findLesson(entry.lesson);
  if (entry.lesson !== undefined && !lesson) return [];
  const target = entry.target ?? 'playground';
  const name = entry.name ?? `${lesson?.slug}@${target}`;
  return [
    {
      extends: true,
      test: {
        name,
        include: [entry.file ?? `tests/${lesson?.slug}.test.ts`],
        env: { LESSON_TARGET: target },
        provide: { checkProject: { name, limits: entry.limits ?? {} } },
        // Joins the check (services, stuck code) and names the copy that threw an error outside any test.
        // server-errors.ts first: vitest runs afterEach hooks last-registered first, so its
        // afterEach, which may throw, comes after check-setup's end of the phase.
        setupFiles: ['src/check/server-errors.ts', 'src/check/worker/check-setup.ts', 'src/check/tag-stray-errors.ts'],
        testTimeout: checkTimeoutMs,
        hookTimeout: checkTimeoutMs,
      },
    },
  ];
}

export default defineConfig({
  test: {
    pool: 'forks',
    // Generous: on a slow or busy machine a correct test may take many times its usual time.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    sequence: { sequencer: EngineFirstSequencer },
    // Only without a plan: projects that extend this config would add to (not replace) its include.
    include: plan ? [] : ['tests/**/*.test.ts', 'packages/*/tests/**/*.test.ts'],
    maxWorkers: plan?.maxWorkers,
    projects: plan?.projects.flatMap((entry) => (entry.name === 'engine' ? engineProjects : lessonProject(entry))),
    experimental: {
      // Transformed modules are kept on disk between runs (keyed by content), so a cold check
      // skips most of Vite's work: 0.2 to 0.3 s of each check on the reference machine.
      fsModuleCache: true,
      fsModuleCachePath: moduleCacheFolder(),
    },
  },
});
