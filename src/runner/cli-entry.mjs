// @ts-check
// `npm run lesson -- <command>`. `check` is the command a learner waits on most, so it makes
// its vitest first thing, in this process, and loads the rest (TypeScript) through Vite.
// Every other command registers tsx and runs cli.ts.
//
// Plain JavaScript, for a measured reason: under tsx's loader hooks, importing vitest/node
// takes 720 ms instead of 210 ms (Node 20, the 2-core reference machine). A check that
// starts here waits about 0.5 s less than one that starts in cli.ts.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// For the clean ending on signals (src/processes/shutdown.ts), which a check puts in place only
// once vitest is made: npm sent a SIGTERM meanwhile if the shell it started for us is gone.
process.env.PLAYGROUND_PARENT_AT_START = String(process.ppid);

const [command, name, ...rest] = process.argv.slice(2);
const [major, minor] = process.versions.node.split('.').map(Number);
const supported = major > 20 || (major === 20 && minor >= 19);

/** The folder of the lesson named by number ("2", "02") or folder name, if there is one. */
function lessonFolder(/** @type {string | undefined} */ wanted) {
  if (!wanted) return undefined;
  const lessonsDir = fileURLToPath(new URL('../../lessons/', import.meta.url));
  const folders = readdirSync(lessonsDir).filter((folder) => /^\d\d-/.test(folder));
  const key = wanted.trim().toLowerCase();
  return folders.find((folder) => folder === key || folder.slice(0, 2) === key.padStart(2, '0'));
}

// The quick way only for the plain `check <lesson>`: anything unusual gets cli.ts's full handling.
const slug =
  command === 'check' && supported && !rest.length && !process.env.LESSON_TARGET ? lessonFolder(name) : undefined;
if (slug && name) {
  const mark = `${process.pid}-${randomBytes(6).toString('hex')}`;
  // Every worker and whatever it starts carries the mark: ending the check ends them all.
  process.env.PLAYGROUND_RUN = mark;
  const projects = [{ name: `${slug}@playground`, slug, target: 'playground' }];
  process.env.PLAYGROUND_CHECK = JSON.stringify({ projects });
  const { makeVitest } = await import('../check/vitest-host.mjs');
  const vitest = await makeVitest();
  /** @type {typeof import('./check-command.ts')} */
  const entry = await vitest.import(fileURLToPath(new URL('./check-command.ts', import.meta.url)));
  let code = 1;
  try {
    code = await entry.checkWithVitest(name, vitest, mark);
  } catch (error) {
    console.error(`Something went wrong: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exit(code);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./cli.ts');
}
