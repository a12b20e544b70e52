import { defineConfig } from 'vitest/config';

// The check (src/check/) runs vitest with PLAYGROUND_CHECK_PLAN: a JSON list of what to run,
// e.g. [{"name":"engine"},{"slug":"02-schema","target":"solution"}]. Each entry becomes a
// project of its own, so one vitest start runs a lesson's tests against several copies
// of its exercise at once. Without a plan, everything runs against the learner's copies.
interface PlanEntry {
  name?: string;
  slug?: string;
  target?: string;
  /** One test file of its own, named `name` (the check engine's fixture lessons). */
  file?: string;
}

const plan: PlanEntry[] | undefined = process.env.PLAYGROUND_CHECK_PLAN
  ? JSON.parse(process.env.PLAYGROUND_CHECK_PLAN)
  : undefined;

const shared = {
  pool: 'forks' as const,
  testTimeout: 10_000,
  hookTimeout: 15_000,
};

export default defineConfig({
  test: {
    ...shared,
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
          ? { extends: true, test: { name: entry.name ?? entry.file, include: [entry.file] } }
          : {
              extends: true,
              test: {
                name: `${entry.slug}@${entry.target}`,
                include: [`tests/${entry.slug}.test.ts`],
                env: { LESSON_TARGET: entry.target ?? 'playground' },
              },
            },
    ),
  },
});
