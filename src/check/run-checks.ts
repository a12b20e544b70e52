// runChecks: one cold vitest start that runs every request (and, if asked, the
// engine's own tests) in parallel, then one result per request.
import path from 'node:path';
import { missingTestFiles, planEntry, projectName, relativeToRoot, testFileOf, type PlanEntry } from './plan.ts';
import { checkResult, engineFileResult, withUnhandledError, type RunContext } from './results.ts';
import { errorHeadline, stripAnsi } from './error-text.ts';
import { runVitest } from './vitest-run.ts';
import type { CheckProgress, CheckReport, CheckRequest, CheckResult, EngineFileResult } from './types.ts';
import type { ErrorRecord, ModuleRecord, ReporterMessage } from './wire.ts';

export interface RunChecksOptions {
  /** Also run the engine's own tests (tests/engine/**), as the project named "engine". */
  includeEngine?: boolean;
  /** The whole run is stopped (every process killed) after this long. Default 20 s: long enough for a slow first start, short enough to wait for. */
  timeoutMs?: number;
  /** Test files run at once; vitest's default (cores - 1) when omitted. */
  maxWorkers?: number;
  /** Called as test files start and finish, for spinners and progress lines. */
  onProgress?: (progress: CheckProgress) => void;
}

export const defaultTimeoutMs = 20_000;

/** Runs the requested checks in a child vitest and reports every result. Never rejects. */
export async function runChecks(requests: CheckRequest[], options: RunChecksOptions = {}): Promise<CheckReport> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const names = requests.map(projectName);
  const missing = new Set(missingTestFiles(requests));
  const runnable = requests.filter((request) => !missing.has(request));
  // vitest wants project names unique: a request asked twice runs once and is reported twice.
  const unique = runnable.filter(
    (request, index) => runnable.findIndex((other) => projectName(other) === projectName(request)) === index,
  );
  const plan: PlanEntry[] = [...(options.includeEngine ? [{ name: 'engine' }] : []), ...unique.map(planEntry)];

  const modules = new Map<string, ModuleRecord>();
  const engine: EngineFileResult[] = [];
  const context = (): RunContext => ({ timedOut: false, timeoutMs, output: '', stuckIn: new Map() });

  const onMessage = (message: ReporterMessage) => {
    if (message.type === 'module-start' && message.project !== 'engine')
      options.onProgress?.({ type: 'started', name: message.project });
    if (message.type !== 'module-end') return;
    const { module } = message;
    if (module.project === 'engine') {
      const file = engineFileResult(module);
      engine.push(file);
      options.onProgress?.({ type: 'engine-file', file });
      return;
    }
    modules.set(module.project, module);
    const index = names.indexOf(module.project);
    if (index >= 0)
      options.onProgress?.({
        type: 'finished',
        result: checkResult(requests[index], module.project, module, context()),
      });
  };

  const outcome = plan.length
    ? await runVitest(plan, { timeoutMs, maxWorkers: options.maxWorkers, onMessage })
    : { messages: [], timedOut: false, exitCode: 0, output: '', pid: undefined, durationMs: 0, stuckIn: new Map() };

  const run: RunContext = { timedOut: outcome.timedOut, timeoutMs, output: outcome.output, stuckIn: outcome.stuckIn };
  const runEnd = outcome.messages.find((message) => message.type === 'run-end');
  const unhandled = runEnd?.type === 'run-end' ? runEnd.unhandled : [];

  const claimed = new Set<ErrorRecord>();
  const results: CheckResult[] = requests.map((request, index) => {
    if (missing.has(request)) {
      return {
        request,
        name: names[index],
        passed: false,
        tests: [],
        problem: { kind: 'crash', message: `There is no test file ${relativeToRoot(testFileOf(request))}.` },
      };
    }
    let result = checkResult(request, names[index], modules.get(names[index]), run);
    const own = unhandled.find((error) => blames(error, request, requests));
    if (own) {
      claimed.add(own);
      result = withUnhandledError(result, own);
    }
    return result;
  });

  if (options.includeEngine && outcome.timedOut && !engine.length) {
    engine.push({
      file: 'tests/engine',
      tests: [],
      problem: { kind: 'time-limit', message: 'The engine tests did not finish in time.' },
    });
  }
  const enginePassed = engine.every((file) => !file.problem && file.tests.every((test) => test.state !== 'failed'));
  const unclaimed = unhandled.filter((error) => !claimed.has(error));
  const crashedWithoutResults = !runEnd && !outcome.timedOut && plan.length > 0;
  return {
    results,
    engine,
    passed:
      results.every((result) => result.passed) && enginePassed && unclaimed.length === 0 && !crashedWithoutResults,
    unhandledErrors: [
      ...unclaimed.map((error) => errorHeadline(error)),
      ...(crashedWithoutResults ? ['vitest stopped without a report: see the output.'] : []),
    ],
    timedOut: outcome.timedOut,
    durationMs: outcome.durationMs,
    pid: outcome.pid,
    output: stripAnsi(outcome.output),
  };
}

/**
 * Is `request` the one that threw `error` outside any test? Vitest names the test file;
 * when several requests run the same file, the copy's mark (tag-stray-errors.ts) decides.
 */
function blames(error: ErrorRecord, request: CheckRequest, requests: CheckRequest[]): boolean {
  const file = testFileOf(request);
  if (!error.testPath || path.resolve(error.testPath) !== file) return false;
  if (error.target !== undefined && 'lesson' in request) return error.target === (request.target ?? 'playground');
  return requests.filter((other) => testFileOf(other) === file).length === 1;
}
