import { defineConfig } from 'vitest/config';
import type { PlanEntry } from './src/check/plan.ts';

// The check (src/check/) runs vitest with PLAYGROUND_CHECK_PLAN: a JSON list of what to run,
// e.g. [{"name":"engine"},{"name":"02-schema@solution","slug":"02-schema","target":"solution"}].
// Each entry becomes a project of its own, so one vitest start runs a lesson's tests against
// several copies of its exercise at once. Without a plan, everything runs against the learner's copies.
const plan: PlanEntry[] | undefined = process.env.PLAYGROUND_CHECK_PLAN
  ? JSON.parse(process.env.PLAYGROUND_CHECK_PLAN)
  : undefined;

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 10_000,
    hookTimeout: 15_000,
    // Only without a plan: projects that extend this config would add to (not replace) its include.
    include: plan ? [] : ['tests/**/*.test.ts'],
    // For the check (src/check/): name the test that hit the time limit, the copy that threw a
    // stray error, and (in watch mode only) hold a prepared run until the learner saves.
    setupFiles: plan
      ? ['src/check/mark-running-test.ts', 'src/check/tag-stray-errors.ts', 'src/check/warm-gate.ts']
      : [],
    projects: plan?.map((entry) =>
      entry.name === 'engine'
        ? { extends: true, test: { name: 'engine', include: ['tests/engine/**/*.test.ts'] } }
        : entry.file
          ? { extends: true, test: { name: entry.name, include: [entry.file] } }
          : {
              extends: true,
              test: {
                name: entry.name,
                include: [`tests/${entry.slug}.test.ts`],
                env: { LESSON_TARGET: entry.target ?? 'playground' },
              },
            },
    ),
  },
});
