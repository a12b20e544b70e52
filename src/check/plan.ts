// Turns check requests into PLAYGROUND_CHECK_PLAN, the list vitest.config.ts makes
// one vitest project of each (so one vitest start runs them all, in parallel).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { lessonPaths, projectRoot } from '../lessons/catalog.ts';
import type { CheckRequest } from './types.ts';

/** One entry of PLAYGROUND_CHECK_PLAN, as vitest.config.ts reads it. */
export interface PlanEntry {
  name?: string;
  slug?: string;
  target?: string;
  file?: string;
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

export function planEntry(request: CheckRequest): PlanEntry {
  if ('lesson' in request) return { slug: request.lesson.slug, target: request.target ?? 'playground' };
  return { name: projectName(request), file: relativeToRoot(testFileOf(request)) };
}

/** Path from the project root, with forward slashes (what vitest globs and prints). */
export function relativeToRoot(file: string): string {
  return path.relative(projectRoot, path.resolve(projectRoot, file)).split(path.sep).join('/');
}

/** Requests whose test file is not there: vitest would refuse to start at all. */
export function missingTestFiles(requests: CheckRequest[]): CheckRequest[] {
  return requests.filter((request) => !existsSync(testFileOf(request)));
}
