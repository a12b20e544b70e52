// A vitest setup file for lesson checks: joins the check channel, starts the watchdog, says
// which test is running, and reports a test that waits with nothing happening for a while.
// The check (src/check/) then ends this worker and explains which kind of stuck it was.
// Outside a check (a plain `npx vitest`) it does nothing.
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import {
  channelAddress,
  goFromCheck,
  joinCheck,
  phaseEnds,
  stuckLimits,
  tell,
  watchForWaiting,
} from '../in-test-worker.ts';
import { bothLanguages } from '../two-languages.ts';
import { fatalReportPath } from '../wire.ts';
import { nextPhase, startWatchdog } from './watchdog.ts';

/**
 * After the last check, timers the learner's code left behind may still throw: the worker waits
 * for them this long at most (a throw 3 s after the last check is seen), and not at all when
 * none is pending. Vitest's and the check's own timers are unref'd, so they never count.
 */
const lateErrorsMs = 5000;

if (channelAddress) {
  // Processes the learner's code starts from here on carry this, so the check can find them.
  process.env.PLAYGROUND_WORKER = String(process.pid);
  joinCheck();
  // A worker out of memory dies without a word on the channel; Node's report of the fatal error
  // is how the check learns why (host/run-host.ts), rather than guessing the code ended itself.
  const report = fatalReportPath(process.pid);
  process.report.directory = path.dirname(report);
  process.report.filename = path.basename(report);
  process.report.reportOnFatalError = true;
  startWatchdog(channelAddress, stuckLimits.busyCpuMs || 2000, () =>
    tell({ type: 'stuck', kind: 'printing', pid: process.pid }),
  );
  // Before any hook of the test file: nothing of the learner's may load until the check says go.
  // No time limit here: in watch mode the learner may think for a long while before saving.
  beforeAll(goFromCheck, 0);
  beforeEach(({ task }) => {
    const describes: string[] = [];
    for (let suite = task.suite; suite && suite !== task.file; suite = suite.suite) describes.unshift(suite.name);
    nextPhase();
    tell({ type: 'running', test: { path: describes, title: task.name } });
    watchForWaiting();
  });
  afterEach(phaseEnds);
  // An afterEach that throws (the test file's own, or the judging one below) skips the hooks
  // after it, this phaseEnds too: the file's end says idle again, or vitest ending the worker
  // would look like the last test's code ending its own process.
  afterAll(async () => {
    phaseEnds();
    await timersDone(lateErrorsMs);
  }, lateErrorsMs * 2);
  // Learner code can reach vitest's chai (import { chai } from 'vitest') and make every assertion
  // pass: after each test, one that must fail is tried, and a check that cannot fail passes nothing.
  afterEach(() => {
    if (!judgingWorks())
      throw new Error(
        bothLanguages(
          'Your code changed how the checks judge: after it ran, an assertion that must fail passed (it replaced ' +
            "part of vitest's or chai's code). No check can pass that way. Leave vitest and chai out of your code.",
          'Aapke code ne checks ke judge karne ka tareeka badal diya: uske chalne ke baad ek assertion, jise fail ' +
            'hona hi tha, pass ho gaya (code ne vitest ya chai ka kuch hissa badla). Aise koi check pass nahi ho ' +
            'sakta. Apne code mein vitest aur chai ko mat chhediye.',
        ),
      );
  });
}

/** Resolves when no timer keeps the process alive any more, or after `ms`. */
async function timersDone(ms: number): Promise<void> {
  const until = performance.now() + ms;
  while (
    performance.now() < until &&
    process.getActiveResourcesInfo().some((kind) => kind === 'Timeout' || kind === 'Immediate')
  )
    await new Promise((resolve) => setTimeout(resolve, 50).unref());
}

/** Whether expect() still fails a false assertion. */
function judgingWorks(): boolean {
  try {
    expect(1, 'the check of the checks').toBe(2);
  } catch {
    return true;
  }
  return false;
}
