// The check engine, cold: runChecks on tiny fixture lessons (tests/engine/fixtures/),
// and what explainCheck tells the learner about each.
import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainCheck, inLanguage, runChecks, type CheckReport, type CheckResult } from '../../src/check/index.ts';
import { processesMarked, processTable } from '../../src/processes/process-table.ts';
import { addThat, scratchLesson, type ScratchLesson } from './fixtures/scratch.ts';
import { freePort } from '../../src/processes/free-port.ts';
import { said } from '../support/said.ts';

// Stuck sooner than a learner's check would say so: the point is how it is told, not how long it waits.
const limits = { busyCpuMs: 600, waitingMs: 1500 };
const fixture = (name: string) => ({ testFile: `tests/engine/fixtures/${name}/check.fixture.ts`, name, limits });

let broken: ScratchLesson;
let silencing: ScratchLesson;
let heavy: ScratchLesson;
let late: ScratchLesson;
let logging: ScratchLesson;
let writing: ScratchLesson;
let report: CheckReport;
/** Every process the learner's code of this file starts carries this in its environment. */
const tag = randomBytes(6).toString('hex');
let detachedPort = 0;
const result = (name: string): CheckResult => {
  const found = report.results.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no result named ${name}`);
  return found;
};

beforeAll(async () => {
  broken = scratchLesson('passing', addThat.doesNotParse);
  // Wrong, and makes every assertion pass: vitest's chai reached from the learner's file.
  silencing = scratchLesson(
    'passing',
    `import { chai } from 'vitest';\nchai.Assertion.prototype.assert = () => {};\n${addThat.subtracts}`,
  );
  // Finite, but far too much: small steps without end in sight, the event loop free between them.
  heavy = scratchLesson(
    'passing',
    `for (let step = 0; step < 1e9; step++) await new Promise((resolve) => setImmediate(resolve));\n${addThat.adds}`,
  );
  // Right, but its second call leaves a timer that throws 3 s after the last check.
  late = scratchLesson(
    'passing',
    "let calls = 0;\nexport function add(a: number, b: number): number {\n  if (++calls === 2) setTimeout(() => { throw new Error('thrown 3 s after the last check'); }, 3000);\n  return a + b;\n}\n",
  );
  // Right, but each prints 100 MB as it loads (the limit is 32 MiB): through console.log, and straight to stdout.
  const print = (how: string) =>
    `const chunk = 'x'.repeat(1_000_000);\nfor (let i = 0; i < 100; i++) ${how}(chunk);\n${addThat.adds}`;
  logging = scratchLesson('passing', print('console.log'));
  writing = scratchLesson('passing', print('process.stdout.write'));
  detachedPort = await freePort();
  process.env.FIXTURE_TAG = tag;
  process.env.FIXTURE_PORT = String(detachedPort);
  // One vitest start for all of them, as the proof does: a stuck one ends alone, the others go on.
  report = await runChecks([
    fixture('passing'),
    fixture('failing'),
    // Express, Mongoose and multer take more than the short busy limit above to load.
    { ...fixture('app-crashes'), limits: undefined },
    { testFile: broken.testFile, name: 'broken' },
    { testFile: silencing.testFile, name: 'silences-chai' },
    fixture('throws-at-import'),
    fixture('never-settles'),
    fixture('endless-loop'),
    { testFile: heavy.testFile, name: 'heavy', limits },
    { testFile: late.testFile, name: 'throws-late', limits },
    { testFile: logging.testFile, name: 'logs-too-much', limits },
    { testFile: writing.testFile, name: 'writes-too-much', limits },
    fixture('waits-forever'),
    fixture('ends-itself'),
    fixture('starts-detached'),
    { testFile: 'tests/engine/fixtures/nowhere/check.fixture.ts', name: 'nowhere' },
  ]);
}, 120_000);

afterAll(() => {
  broken?.remove();
  silencing?.remove();
  heavy?.remove();
  late?.remove();
  logging?.remove();
  writing?.remove();
});

describe('runChecks on a passing lesson', () => {
  it('passes, with every test and its describe path', () => {
    const passing = result('passing');
    expect(passing.passed).toBe(true);
    expect(passing.problem).toBeUndefined();
    expect(passing.tests.map((test) => [...test.path, test.title, test.state])).toEqual([
      ['add()', 'adds two numbers', 'passed'],
      ['add()', 'adds a negative number', 'passed'],
    ]);
  });

  it('is explained as a pass, with the number of checks', () => {
    expect(explainCheck(result('passing'))).toMatch(/^All 2 checks pass/);
  });
});

describe('runChecks on a failing assertion', () => {
  it("keeps the assertion's own message, expected and actual values", () => {
    const failing = result('failing');
    expect(failing.passed).toBe(false);
    expect(failing.problem).toBeUndefined();
    expect(failing.tests[0].failure).toMatchObject({ note: 'add() should use +', expected: '5', actual: '-1' });
  });

  it("is explained with the it sentence and the check's own words, and no stack trace", () => {
    const text = explainCheck(result('failing'));
    expect(text).toContain('"adds two numbers" (add())');
    expect(text).toContain('The check says: add() should use +');
    expect(text).toContain('"adds a negative number" (add()): expected 5 to be -1');
    expect(text).not.toMatch(/\n\s+at /);
  });
});

describe('runChecks on an app that crashes while answering', () => {
  it("adds the app's own error, and the line of the learner's file it came from, to the failed check", () => {
    const crashed = result('app-crashes');
    expect(crashed.tests[0].failure?.note).toBe('GET /sum answered 500');
    const threw = "TypeError: Cannot read properties of undefined (reading 'length')";
    expect(crashed.tests[0].failure?.serverError).toEqual({
      message: said(
        `While answering GET /sum?a=2&b=3, your app threw ${threw}`,
        `GET /sum?a=2&b=3 ka jawab dete hue aapke app ne error throw kiya: ${threw}`,
      ),
      location: 'tests/engine/fixtures/app-crashes/exercise.ts:9:73',
    });
    expect(explainCheck(crashed)).toContain(
      `Your app hit an error on the way: While answering GET /sum?a=2&b=3, your app threw ${threw}\n`,
    );
    expect(explainCheck(crashed, undefined, 'command line', 'hinglish')).toContain(
      `GET /sum?a=2&b=3 ka jawab dete hue aapke app ne error throw kiya: ${threw}\n`,
    );
  });

  it("quotes the message of an error that is a plain object (an SDK's), not [object Object]", () => {
    expect(inLanguage(result('app-crashes').tests[1].failure?.serverError?.message ?? '', 'en')).toBe(
      'While answering GET /upload, your app threw an error object: The storage refused the file (status 403).',
    );
  });
});

describe('runChecks on a learner file that does not load', () => {
  it('reports a syntax error as a load error, with the file and line', () => {
    const { problem, passed } = result('broken');
    expect(passed).toBe(false);
    expect(problem?.kind).toBe('load-error');
    expect(problem?.message).toBe('SyntaxError: Unexpected token');
    expect(problem?.location).toMatch(/^tests\/engine\/fixtures\/\.scratch\/passing-[^/]+\/exercise\.ts:2:14$/);
  });

  it('explains a syntax error in plain words, without colour codes', () => {
    const text = explainCheck(result('broken'));
    expect(text).toContain('Your file could not be read');
    expect(text).toContain('SyntaxError: Unexpected token');
    expect(text).not.toContain('\u001b[');
  });

  it('reports a throw at import as a load error, with the first line and where it was thrown', () => {
    const { problem } = result('throws-at-import');
    expect(problem).toMatchObject({
      kind: 'load-error',
      message: 'FIXTURE_SETTING_THAT_IS_NEVER_SET is not set',
      location: 'tests/engine/fixtures/throws-at-import/exercise.ts:3:17',
    });
    expect(explainCheck(result('throws-at-import'))).toContain('threw an error while it was being loaded');
  });
});

describe('runChecks on code that silences the assertions', () => {
  it('passes nothing, and says the code changed how the checks judge', () => {
    const silenced = result('silences-chai');
    expect(silenced.passed).toBe(false);
    expect(silenced.tests.filter((test) => test.state === 'passed')).toEqual([]);
    // Not 'ended its own process': the judging hook's throw skipped the end of the last test, and
    // vitest ending the worker after the file looked like that test's code ending it (2 runs in 9).
    expect(silenced.problem).toBeUndefined();
    expect(explainCheck(silenced)).toContain('Your code changed how the checks judge');
    expect(explainCheck(silenced, undefined, 'command line', 'hinglish')).toContain(
      'judge karne ka tareeka badal diya',
    );
  });
});

describe('runChecks on a promise that never settles', () => {
  it("fails the test with the test's own explanation", () => {
    const never = result('never-settles');
    expect(never.passed).toBe(false);
    expect(never.tests[0].failure?.message).toBe('save() never finished: did you forget to call resolve()?');
    expect(explainCheck(never)).toContain('did you forget to call resolve()?');
  });
});

describe('runChecks on a test file that is not there', () => {
  it('says so, and still runs the others', () => {
    expect(result('nowhere').problem).toEqual({
      kind: 'crash',
      message: 'There is no test file tests/engine/fixtures/nowhere/check.fixture.ts.',
    });
    expect(result('passing').passed).toBe(true);
  });

  it('asks to put it back, and does not call it the check breaking', () => {
    const text = explainCheck(result('nowhere'));
    expect(text).toContain("The checks' own file tests/engine/fixtures/nowhere/check.fixture.ts is missing");
    expect(text).toContain('git checkout -- tests/engine/fixtures/nowhere/check.fixture.ts');
    expect(text).not.toContain('not your fault');
    expect(explainCheck(result('nowhere'), undefined, 'command line', 'hinglish')).toContain('Use wapas laaiye');
  });
});

describe('runChecks on an endless loop', () => {
  it('stops that test file alone, as busy, and names the test it was in', () => {
    const stuck = result('endless-loop');
    expect(stuck.problem?.kind).toBe('busy');
    expect(stuck.during).toEqual({ path: ['add()'], title: 'adds two numbers' });
    const text = explainCheck(stuck);
    expect(text).toContain('computed without a break');
    expect(text).toContain('during the check "adds two numbers" (add())');
    expect(report.timedOut).toBe(false);
    expect(result('passing').passed).toBe(true);
  });
});

describe('runChecks on code that works on and on, its event loop free', () => {
  it('stops it as too much work, not as an endless loop', () => {
    const stuck = result('heavy');
    expect(stuck.problem?.kind).toBe('heavy');
    expect(stuck.during).toBeNull();
    const text = explainCheck(stuck);
    expect(text).toContain('kept working for a long time without finishing');
    expect(text).not.toMatch(/endless loop|without end/);
    expect(explainCheck(stuck, undefined, 'command line', 'hinglish')).toContain('kaam karta raha aur khatam nahi hua');
  });
});

describe('runChecks on code whose timer throws after the last check', () => {
  it('waits for it, fails the check, and says where it was thrown', () => {
    const thrown = result('throws-late');
    expect(thrown.tests.map((test) => test.state)).toEqual(['passed', 'passed']);
    expect(thrown.passed).toBe(false);
    expect(thrown.problem).toMatchObject({ kind: 'unhandled-error', message: 'thrown 3 s after the last check' });
    expect(thrown.problem?.location).toMatch(/^tests\/engine\/fixtures\/\.scratch\/passing-[^/]+\/exercise\.ts:3:\d+$/);
    expect(explainCheck(thrown)).toMatch(/threw an error outside the checks[\s\S]*\n {2}Where: tests\/engine/);
  });
});

describe('runChecks on code that prints far too much', () => {
  it.each(['logs-too-much', 'writes-too-much'])(
    '%s: says it printed too much, not that it computed or threw',
    (name) => {
      const printed = result(name);
      expect(printed.passed).toBe(false);
      expect(printed.problem?.kind).toBe('too-much-output');
      const text = explainCheck(printed);
      expect(text).toContain('printed far more than a terminal can take');
      expect(text).not.toMatch(/computed without a break|threw an error/);
      expect(explainCheck(printed, undefined, 'command line', 'hinglish')).toContain('itna zyada print kiya');
    },
  );
});

describe('runChecks on a wait for something that never comes', () => {
  it('stops that test file alone, as waiting, and names the test it was in', () => {
    const stuck = result('waits-forever');
    expect(stuck.problem?.kind).toBe('waiting');
    expect(stuck.during).toEqual({ path: ['fetchSong()'], title: 'finds the song' });
    expect(explainCheck(stuck)).toContain('waited for something that never happened');
  });
});

describe('runChecks on code that ends its own process', () => {
  it("says the learner's code ended it, not that the check broke", () => {
    const ended = result('ends-itself');
    expect(ended.problem?.kind).toBe('ended-itself');
    expect(ended.during).toEqual({ path: ['add()'], title: 'adds two numbers' });
    const text = explainCheck(ended);
    expect(text).toContain('Your code ended its own process');
    expect(text).not.toContain('not your fault');
  });
});

describe('runChecks on code that leaves processes running', () => {
  it('passes, and ends every process it started, detached or not', async () => {
    expect(result('starts-detached').passed).toBe(true);
    const alive = processTable().filter((info) => !info.ended);
    expect([...processesMarked('FIXTURE_TAG', tag, alive)]).toEqual([]);
    const answered = await new Promise<boolean>((resolve) => {
      const socket = connect(detachedPort, '127.0.0.1', () => {
        socket.destroy();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    expect(answered, 'the detached server still listens').toBe(false);
  });
});

describe('runChecks on code that runs out of memory', () => {
  let hungry: ScratchLesson;
  let ran: CheckResult;
  beforeAll(async () => {
    hungry = scratchLesson(
      'passing',
      'export function add(a: number, b: number): number {\n  const kept: number[][] = [];\n  for (;;) kept.push(new Array(100_000).fill(a + b));\n}\n',
    );
    // A small heap, as the probe that found it had: the worker dies in a second, not after gigabytes.
    const options = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `${options ?? ''} --max-old-space-size=300`;
    try {
      // Near its heap's end V8 collects garbage again and again, which the busy watch counts as
      // computing: on a loaded machine that took past its 2 s before the heap ran out. Only the
      // heap may end this one.
      const limits = { busyCpuMs: 120_000 };
      [ran] = (await runChecks([{ testFile: hungry.testFile, name: 'out-of-memory', limits }])).results;
    } finally {
      if (options === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = options;
    }
  }, 60_000);
  afterAll(() => hungry?.remove());

  it('says the memory ran out, not that the code ended its own process', () => {
    expect(ran.problem?.kind).toBe('out-of-memory');
    expect(ran.during).toEqual({ path: ['add()'], title: 'adds two numbers' });
    const text = explainCheck(ran);
    expect(text).toContain('used up all the memory');
    expect(text).not.toContain('ended its own process');
    expect(explainCheck(ran, undefined, 'command line', 'hinglish')).toContain('saari memory use kar li');
  });
});

describe('runChecks on nothing', () => {
  it('reports an empty run without starting vitest', async () => {
    const empty = await runChecks([]);
    expect(empty).toMatchObject({ results: [], passed: true });
  });
});
