// runChecks: one cold vitest (a session run once) that runs every request (and, if asked,
// the engine's own tests) in parallel, then one result per request.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isEngineProject, planEntry, projectName, relativeToRoot, testFileOf, type PlanEntry } from './plan.ts';
import { checkResult, engineFileResult, withUnhandledError } from './results.ts';
import { errorHeadline, stripAnsi } from './error-text.ts';
import { HostRun, hostInThisProcess, spawnHost } from './check-host.ts';
import { guardJudge } from './judge-guard.ts';
import type { CheckProgress, CheckReport, CheckRequest, CheckResult, EngineFileResult } from './types.ts';
import type { ErrorRecord, HostMessage } from './wire.ts';
import type { Vitest } from 'vitest/node';

export interface RunChecksOptions {
  /** Also run the engine's own tests (tests/engine/**), as the project named "engine". */
  includeEngine?: boolean;
  /**
   * A last resort: the whole run is ended after this long. Stuck code is stopped long before,
   * by what it does (worker/); this only guards against the check itself going wrong.
   */
  ceilingMs?: number;
  /** Test files run at once; vitest's default (cores - 1) when omitted. */
  maxWorkers?: number;
  /** Called as test files start and finish, for spinners and progress lines. */
  onProgress?: (progress: CheckProgress) => void;
  /**
   * A vitest the caller made in this process for exactly these requests (its plan in
   * PLAYGROUND_CHECK), with RUN_MARK=`mark` in process.env: the fastest cold check, as
   * it starts before anything else loads. Without it, vitest runs in a process of its own.
   */
  inThisProcess?: { vitest: Vitest; mark: string };
}

export const defaultCeilingMs = 10 * 60_000;

/** Runs the requested checks in a child vitest and reports every result. Never rejects. */
export async function runChecks(requests: CheckRequest[], options: RunChecksOptions = {}): Promise<CheckReport> {
  const started = performance.now();
  const ceilingMs = options.ceilingMs ?? defaultCeilingMs;
  const names = requests.map(projectName);
  // vitest would refuse to start at all for a test file that is not there.
  const missing = new Set(requests.filter((request) => !existsSync(testFileOf(request))));
  const runnable = requests.filter((request) => !missing.has(request));
  // vitest wants project names unique: a request asked twice runs once and is reported twice.
  const unique = runnable.filter(
    (request, index) => runnable.findIndex((other) => projectName(other) === projectName(request)) === index,
  );
  const plan: PlanEntry[] = [...(options.includeEngine ? [{ name: 'engine' }] : []), ...unique.map(planEntry)];
  const judged = guardJudge(runnable);

  const engine: EngineFileResult[] = [];
  const hostRun = new HostRun(ceilingMs);
  let output = '';

  if (plan.length) {
    const onMessage = (message: HostMessage) => {
      hostRun.take(message);
      if (message.type === 'host-error') output += `\n${message.message}`;
      if (message.type === 'module-start' && !isEngineProject(message.project))
        options.onProgress?.({ type: 'started', name: message.project });
      if (message.type !== 'module-end') return;
      const { module } = message;
      if (isEngineProject(module.project)) {
        const file = engineFileResult(module);
        engine.push(file);
        options.onProgress?.({ type: 'engine-file', file });
        return;
      }
      const index = names.indexOf(module.project);
      if (index >= 0)
        options.onProgress?.({
          type: 'finished',
          result: checkResult(requests[index], module.project, module, hostRun.context('')),
        });
    };
    const onExit = () => hostRun.end();
    const host = options.inThisProcess
      ? hostInThisProcess(options.inThisProcess.vitest, options.inThisProcess.mark, { onMessage, onExit })
      : spawnHost({ plan: { projects: plan, maxWorkers: options.maxWorkers }, onMessage, onExit });
    await hostRun.finished();
    await host.end();
    output += host.output;
  }

  const { ceilingHit, verdicts, unhandled, modules } = hostRun;
  const run = hostRun.context(output);
  const claimed = new Set<ErrorRecord>();
  const results: CheckResult[] = judged(
    requests.map((request, index) => {
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
    }),
  );

  if (options.includeEngine && ceilingHit && !engine.length) {
    engine.push({
      file: 'tests/engine',
      tests: [],
      problem: { kind: 'time-limit', message: 'The engine tests did not finish in time.' },
    });
  }
  const enginePassed = engine.every((file) => !file.problem && file.tests.every((test) => test.state !== 'failed'));
  // Errors of a worker the check ended on purpose are its own doing, not a failure of the run.
  const endedFiles = new Set(requests.filter((_, index) => verdicts.has(names[index])).map(testFileOf));
  const unclaimed = unhandled.filter((error) => !claimed.has(error) && !endedOnPurpose(error, endedFiles));
  const crashedWithoutResults = !hostRun.reported && !ceilingHit && plan.length > 0;
  return {
    results,
    engine,
    passed:
      results.every((result) => result.passed) && enginePassed && unclaimed.length === 0 && !crashedWithoutResults,
    unhandledErrors: [
      ...unclaimed.map((error) => errorHeadline(error)),
      ...(crashedWithoutResults ? ['vitest stopped without a report: see the output.'] : []),
    ],
    timedOut: ceilingHit,
    durationMs: performance.now() - started,
    output: stripAnsi(output),
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

/**
 * vitest's complaint about a worker that the check ended (stuck) or that ended itself: about
 * the test file of such a worker (`endedFiles`), or naming none when some worker was ended.
 */
function endedOnPurpose(error: ErrorRecord, endedFiles: Set<string>): boolean {
  if (!endedFiles.size || !/worker|exited unexpectedly|channel closed/i.test(error.message)) return false;
  return !error.testPath || endedFiles.has(path.resolve(error.testPath));
}
