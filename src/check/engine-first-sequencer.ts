// The order `npm test` starts test files in: vitest's own (failed and longer first, from its
// cache; else larger files first), but the engine's files before the lessons'. Vitest
// sorts projects by name, which puts "engine" last, and its few long files (they start
// real processes) then finish alone at the end, on one core, while the other waits.
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { isEngineProject } from './plan.ts';

export class EngineFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const engine = sorted.filter((file) => isEngineProject(file.project.name));
    return [...engine, ...sorted.filter((file) => !isEngineProject(file.project.name))];
  }
}
