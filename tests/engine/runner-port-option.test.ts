// `npm run db -- --port N` and `npm run storage -- --port N`: one way to read the port, and a
// wrong command line ends both with the same one-line message and exit code 2, like `npm run lesson`.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/lessons/catalog.ts';
import { readPortOption } from '../../src/processes/port-option.ts';
import { scriptCommand } from './runner-cli-helpers.ts';

describe('readPortOption', () => {
  it('reads --port N and --port=N, and no port at all', () => {
    expect(readPortOption(['--port', '27017'])).toEqual({ port: 27017 });
    expect(readPortOption(['--port=0'])).toEqual({ port: 0 });
    expect(readPortOption([])).toEqual({});
  });

  it('says in one line what is wrong', () => {
    const wrongNumber = '--port needs a whole number from 0 to 65535 (0 picks any free port), not';
    expect(readPortOption(['--port', 'abc']).problem).toBe(`${wrongNumber} "abc".`);
    expect(readPortOption(['--port', '70000']).problem).toBe(`${wrongNumber} "70000".`);
    expect(readPortOption(['--port', '-1']).problem).toBe(`${wrongNumber} "-1".`);
    expect(readPortOption(['--port']).problem).toBe(`${wrongNumber} "".`);
    expect(readPortOption(['--port=']).problem).toBe(`${wrongNumber} "".`);
    expect(readPortOption(['--prot', '1']).problem).toBe('Unknown option --prot.');
    expect(readPortOption(['27017']).problem).toBe('Unexpected "27017": the only option is --port N.');
  });
});

/** Runs an npm script with `args`, as package.json gives it, and waits for it to end. */
function runScript(script: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const [, ...command] = scriptCommand(script);
  const child = spawn(process.execPath, [...command, ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    // FORCE_COLOR left out, not emptied: Node 24 warns that NO_COLOR is ignored when both are set.
    env: { ...withoutForceColor(process.env), NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe.each(['db', 'storage'])('npm run %s with a wrong port', (script) => {
  it('prints one line and the usage, starts nothing, and exits with code 2', async () => {
    const ran = await runScript(script, ['--port', 'abc']);
    expect(ran.status).toBe(2);
    expect(ran.stdout).toBe('');
    expect(ran.stderr.trim().split('\n')).toEqual([
      '--port needs a whole number from 0 to 65535 (0 picks any free port), not "abc".',
      `Usage: npm run ${script} -- [--port N]`,
    ]);
  });
});

function withoutForceColor(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { FORCE_COLOR: _, ...rest } = env;
  return rest;
}
