// @ts-check
// `npm run lesson -- <command>`. `check` is the command a learner waits on most, so it makes
// its vitest first thing, in this process, and loads the rest (TypeScript) through Vite.
// Every other command registers tsx and runs cli.ts.
//
// Plain JavaScript, for a measured reason: under tsx's loader hooks, importing vitest/node
// takes 720 ms instead of 210 ms (Node 20, the 2-core reference machine). A check that
// starts here waits about 0.5 s less than one that starts in cli.ts.
import './supported-node.mjs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

// For the clean ending on signals (src/processes/shutdown.ts), which a check puts in place only
// once vitest is made: npm sent a SIGTERM meanwhile if the shell it started for us is gone.
process.env.PLAYGROUND_PARENT_AT_START = String(process.ppid);

const [command, name, ...rest] = process.argv.slice(2);

/** The plain `check <lesson>` on the vitest made here: its exit code, or undefined when `name` is no lesson. */
async function quickCheck(/** @type {string} */ name) {
  const mark = `${process.pid}-${randomBytes(6).toString('hex')}`;
  // Every worker and whatever it starts carries the mark: ending the check ends them all.
  process.env.PLAYGROUND_RUN = mark;
  // The lesson as typed: vitest.config.ts finds it in the catalog, or makes no project of it.
  process.env.PLAYGROUND_CHECK = JSON.stringify({ projects: [{ lesson: name }] });
  const { makeVitest } = await import('../check/vitest-host.mjs');
  // Vitest refuses a plan without a project (a name that is no lesson): cli.ts says what is wrong.
  const vitest = await makeVitest().catch(() => undefined);
  if (!vitest) return undefined;
  /** @type {typeof import('./check-command.ts')} */
  const entry = await vitest.import(fileURLToPath(new URL('./check-command.ts', import.meta.url)));
  try {
    const code = await entry.checkWithVitest(name, vitest, mark);
    if (code === undefined) await vitest.close();
    return code;
  } catch (error) {
    console.error(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// The quick way only for the plain `check <lesson>`: anything unusual gets cli.ts's full handling.
const quick = command === 'check' && name && !rest.length && !process.env.LESSON_TARGET;
const code = quick ? await quickCheck(name) : undefined;
if (code !== undefined) process.exit(code);
delete process.env.PLAYGROUND_RUN;
delete process.env.PLAYGROUND_CHECK;
const { register } = await import('tsx/esm/api');
register();
await import('./cli.ts');
