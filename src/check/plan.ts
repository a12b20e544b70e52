// Turns check requests into the run's plan (PLAYGROUND_CHECK), whose entries vitest.config.ts
// makes one vitest project each (so one vitest start runs them all, in parallel).
import path from 'node:path';
import { lessonPaths, projectRoot } from '../lessons/catalog.ts';
import type { CheckRequest, StuckLimits } from './types.ts';

/**
 * A run of the check, as the process that makes vitest finds it: in PLAYGROUND_CHECK, as JSON,
 * its one environment variable of the check's own. What a test worker needs of it, vitest
 * hands over (provide and inject: see ProvidedContext in wire.ts).
 */
export interface CheckPlan {
  projects: PlanEntry[];
  /** Keep running, each next run prepared and waiting for go (the menu, watch mode). */
  warm?: boolean;
  /** Test files run at once; vitest's default (cores - 1) when omitted. */
  maxWorkers?: number;
}

/** One project of the plan, as vitest.config.ts reads it. */
export interface PlanEntry {
  /** The vitest project name; results are matched to requests by it. "<slug>@<target>" when omitted. */
  name?: string;
  /** A lesson, by folder name or number as findLesson takes it: runs tests/<slug>.test.ts with LESSON_TARGET=target. */
  lesson?: string;
  target?: string;
  /** One test file of its own (the check engine's fixture lessons). */
  file?: string;
  /** Stuck limits other than the defaults, for the project's workers. */
  limits?: StuckLimits;
}

/** The vitest projects of the engine's own tests: the same files, with or without a worker each (vitest.config.ts). */
export function isEngineProject(name: string): boolean {
  return name === 'engine' || name.startsWith('engine:');
}

/** The vitest project name of a request: "02-schema@solution", or the fixture's name. */
export function projectName(request: CheckRequest): string {
  if ('lesson' in request) return `${request.lesson.slug}@${request.target ?? 'playground'}`;
  return request.name ?? relativeToRoot(request.testFile);
}

/** The test file a request runs, absolute. */
export function testFileOf(request: CheckRequest): string {
  if ('lesson' in request) return lessonPaths(request.lesson).testFile;
  return path.resolve(projectRoot, request.testFile);
}

/** The plan entry of a request, named by projectName (vitest.config.ts uses that name as is). */
export function planEntry(request: CheckRequest): PlanEntry {
  const name = projectName(request);
  if ('lesson' in request) return { name, lesson: request.lesson.slug, target: request.target ?? 'playground' };
  return { name, file: relativeToRoot(testFileOf(request)), limits: request.limits };
}

/** Path from the project root, with forward slashes (what vitest globs and prints). */
export function relativeToRoot(file: string): string {
  return path.relative(projectRoot, path.resolve(projectRoot, file)).split(path.sep).join('/');
}
