// A vitest reporter that prints nothing and sends each finished test file, as plain
// JSON, to whoever started vitest (the check), over the IPC channel.
// `vitest run --reporter=src/check/reporter.ts` loads the default export; the warm
// server passes an instance with its own `send`.
import type { Reporter, SerializedError, TestCase, TestModule, TestSuite } from 'vitest/node';
import type { ErrorRecord, ModuleRecord, ReporterMessage, TestRecord } from './wire.ts';

type Send = (message: ReporterMessage) => Promise<void>;

/** Sends over process.send and resolves once the message is handed to the OS, so none is lost at exit. */
export function sendOverIpc(message: unknown): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send || !process.connected) return resolve();
    process.send(message, undefined, {}, () => resolve());
  });
}

export default class CheckReporter implements Reporter {
  private readonly send: Send;

  /** vitest calls `new CheckReporter(options)` for `--reporter`; the warm server passes its own `send`. */
  constructor(send?: Send | object) {
    this.send = typeof send === 'function' ? (send as Send) : sendOverIpc;
  }

  onInit(): void {
    // The channel must not keep vitest alive once its run is over.
    process.channel?.unref();
    // If the check goes away (the learner's terminal closed), take vitest and its workers with it.
    process.once('disconnect', () => killOwnGroup());
  }

  onTestModuleStart(testModule: TestModule) {
    return this.send({ type: 'module-start', project: testModule.project.name, file: testModule.moduleId });
  }

  onTestModuleEnd(testModule: TestModule) {
    return this.send({ type: 'module-end', module: moduleRecord(testModule) });
  }

  onTestRunEnd(_modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>, reason: string) {
    return this.send({ type: 'run-end', unhandled: unhandled.map(errorRecord), reason });
  }
}

function killOwnGroup(): void {
  try {
    process.kill(-process.pid, 'SIGKILL');
  } catch {
    process.exit(1);
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
