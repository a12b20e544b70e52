// A vitest reporter that prints nothing and publishes each finished test file, as plain
// JSON, on a diagnostics channel of this process, where the check's host (host/run-host.ts)
// takes it. Vitest loads this file by its path, as a module of its own: the channel is the
// one thing both sides share whoever loaded them.
import diagnostics from 'node:diagnostics_channel';
import type { Reporter, SerializedError, TestCase, TestModule, TestSuite } from 'vitest/node';
import type { ErrorRecord, ModuleRecord, ReporterMessage, TestRecord } from './wire.ts';

/** The diagnostics channel the reporter publishes on. */
export const reporterChannel = 'playground:check-reporter';

const channel = diagnostics.channel(reporterChannel);
const publish = (message: ReporterMessage) => channel.publish(message);

export default class CheckReporter implements Reporter {
  onTestModuleStart(testModule: TestModule) {
    publish({ type: 'module-start', project: testModule.project.name, file: testModule.moduleId });
  }

  onTestModuleEnd(testModule: TestModule) {
    publish({ type: 'module-end', module: moduleRecord(testModule) });
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>, reason: string) {
    publish({ type: 'run-end', unhandled: unhandled.map(errorRecord), reason });
  }
}

/** A finished test file as plain JSON. */
function moduleRecord(testModule: TestModule): ModuleRecord {
  const errors = [...testModule.errors()];
  for (const suite of testModule.children.allSuites()) errors.push(...suite.errors());
  return {
    project: testModule.project.name,
    file: testModule.moduleId,
    errors: errors.map(errorRecord),
    tests: [...testModule.children.allTests()].map(testRecord),
    durationMs: testModule.diagnostic().duration,
  };
}

function testRecord(test: TestCase): TestRecord {
  const path: string[] = [];
  for (let parent: TestCase['parent'] = test.parent; parent.type === 'suite'; parent = (parent as TestSuite).parent) {
    path.unshift(parent.name);
  }
  const result = test.result();
  return {
    path,
    title: test.name,
    state: result.state,
    ...(result.state === 'skipped' && result.note ? { skipNote: result.note } : {}),
    errors: (result.errors ?? []).map(errorRecord),
    durationMs: test.diagnostic()?.duration,
  };
}

function errorRecord(error: SerializedError): ErrorRecord {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  const rollup = error.__vitest_rollup_error__ as { id?: string } | undefined;
  return {
    name: error.name,
    message: String(error.message ?? ''),
    stack: error.stack,
    expected: text(error.expected),
    actual: text(error.actual),
    frames: (error.stacks ?? []).map(({ file, line, column }) => ({ file, line, column })),
    transformFile: rollup?.id,
    testPath: text(error.VITEST_TEST_PATH),
    testName: text(error.VITEST_TEST_NAME),
    target: text(error.PLAYGROUND_TARGET),
  };
}
