// `npm run lesson -- <command>` without a terminal: what CI, scripts and instructors get.
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify, stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { allLessons, lessonPaths, projectRoot } from '../../src/lessons/catalog.ts';
import { runEntry, scriptCommand, temporaryProgressFile } from './runner-cli-helpers.ts';

const run = promisify(execFile);

const first = allLessons()[0];

/** The first `# heading` of a markdown file. */
function firstHeading(file: string): string {
  return readFileSync(file, 'utf8')
    .match(/^#\s+(.+)$/m)![1]
    .replace(/[*`]/g, '')
    .trim();
}

describe('list', () => {
  it('shows every lesson of the manifest with its number, title and a progress mark', async () => {
    const ran = await runEntry('cli', ['list'], temporaryProgressFile());
    expect(ran.status).toBe(0);
    for (const lesson of allLessons()) expect(ran.stdout).toContain(`${lesson.number}  ${lesson.title}`);
    expect(ran.stdout).toContain(`▶ ${first.number}`);
  });
});

describe('show', () => {
  it('prints the lesson text, named by number without its leading zero', async () => {
    const ran = await runEntry('cli', ['show', String(Number(first.number))], temporaryProgressFile());
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(firstHeading(path.join(lessonPaths(first).lessonDir, 'lesson.md')));
    expect(ran.stdout).toContain(`playground/${first.slug}/${first.exerciseFiles[0]}`);
  });

  it('prints the Hinglish text with --lang hinglish', async () => {
    const ran = await runEntry('cli', ['show', first.slug, '--lang', 'hinglish'], temporaryProgressFile());
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(firstHeading(path.join(lessonPaths(first).lessonDir, 'lesson.hinglish.md')));
  });
});

describe('a lesson that does not exist', () => {
  it('gets a one-line error and the list of lessons, with exit code 2', async () => {
    const ran = await runEntry('cli', ['show', '99'], temporaryProgressFile());
    expect(ran.status).toBe(2);
    expect(ran.stderr.split('\n')[0]).toBe('There is no lesson "99".');
    for (const lesson of allLessons()) expect(ran.stderr).toContain(lesson.number);
  });
});

describe('a command that does not exist', () => {
  it('gets a one-line error and the valid commands, with exit code 2', async () => {
    const ran = await runEntry('cli', ['frobnicate', '02'], temporaryProgressFile());
    expect(ran.status).toBe(2);
    expect(ran.stderr.split('\n')[0]).toBe('Unknown command "frobnicate".');
    expect(ran.stderr).toContain('list, show, run, check, watch, hint, reset, solution');
  });

  it('an unknown option gets a one-line error and exit code 2 too', async () => {
    const ran = await runEntry('cli', ['list', '--colour'], temporaryProgressFile());
    expect(ran.status).toBe(2);
    expect(ran.stderr.split('\n')[0]).toBe('Unknown option --colour.');
  });

  it('--help lists every command and exits 0', async () => {
    const ran = await runEntry('cli', ['--help'], temporaryProgressFile());
    expect(ran.status).toBe(0);
    for (const command of ['list', 'show', 'run', 'check', 'watch', 'hint', 'reset', 'solution'])
      expect(ran.stdout).toContain(`  ${command}`);
  });
});

describe('hint', () => {
  it('shows the next hint each time and remembers how many were shown', async () => {
    const progressFile = temporaryProgressFile();
    const once = await runEntry('cli', ['hint', first.number], progressFile);
    expect(once.status).toBe(0);
    expect(once.stdout).toMatch(/Hint 1 of \d+/);
    const twice = await runEntry('cli', ['hint', first.number], progressFile);
    expect(twice.stdout).toMatch(/Hint 2 of \d+/);
    expect(JSON.parse(readFileSync(progressFile, 'utf8')).lessons[first.slug].hintsShown).toBe(2);
  });

  it('shows a given hint with `hint N 1`', async () => {
    const given = await runEntry('cli', ['hint', first.number, '1'], temporaryProgressFile());
    expect(given.status).toBe(0);
    expect(given.stdout).toContain('Hint 1 of');
  });

  it.each(['99', '0', 'two'])(
    'refuses `hint N %s` as a wrong command line: exit code 2 and the valid range',
    async (which) => {
      const ran = await runEntry('cli', ['hint', first.number, which], temporaryProgressFile());
      expect(ran.status).toBe(2);
      expect(ran.stderr.split('\n')[0]).toMatch(new RegExp(`lesson ${first.number} has hints 1 to \\d+`, 'i'));
      expect(ran.stdout).toBe('');
    },
  );
});

describe('in Hinglish', () => {
  it('list, show and hint speak Hinglish, down to the line after the lesson', async () => {
    const progressFile = temporaryProgressFile();
    const list = await runEntry('cli', ['list', '--lang', 'hinglish'], progressFile);
    expect(list.stdout).toContain(`${allLessons().length} mein se 0 ho gaye   ✔ ho gaya  ▶ agla  · shuru nahi hua`);
    const show = await runEntry('cli', ['show', first.number, '--lang', 'hinglish'], progressFile);
    expect(show.stdout).toContain('Aapko yeh file(s) edit karni hain:');
    expect(show.stdout).toContain(`Phir: npm run lesson -- run ${first.number}`);
    expect(show.stdout).not.toContain('Then:');
    const hint = await runEntry('cli', ['hint', first.number, '--lang', 'hinglish'], progressFile);
    expect(hint.stdout).toMatch(/Hint 1 \(\d+ mein se\)/);
    const wrong = await runEntry('cli', ['hint', first.number, '99', '--lang', 'hinglish'], progressFile);
    expect(wrong.stderr).toMatch(new RegExp(`Lesson ${first.number} ke hints 1 se \\d+ tak hain; hint 99 nahi hai.`));
  });

  it('--help speaks the language of --lang, or the one saved in npm start', async () => {
    const asked = await runEntry('cli', ['--help', '--lang', 'hinglish'], temporaryProgressFile());
    expect(asked.status).toBe(0);
    expect(asked.stdout).toContain('Menu ke bina lessons: scripts, CI aur instructors ke liye.');
    expect(asked.stdout).toContain('  check <lesson>     aapka solution check karta hai');
    expect(asked.stdout).not.toContain('Lessons without the menu');
    const progressFile = temporaryProgressFile();
    writeFileSync(progressFile, JSON.stringify({ language: 'hinglish', lessons: {} }));
    const saved = await runEntry('cli', ['help'], progressFile);
    expect(saved.stdout).toBe(asked.stdout);
    const english = await runEntry('cli', ['--help', '--lang', 'en'], progressFile);
    expect(english.stdout).toContain('Lessons without the menu: for scripts, CI and instructors.');
  });
});

describe('check', () => {
  it("says the test's own sentences in the learner's language, and only in it", async () => {
    const mistake = { LESSON_TARGET: 'mistake:settles-twice' };
    const hinglish = await runEntry('cli', ['check', '05', '--lang', 'hinglish'], temporaryProgressFile(), mistake);
    expect(hinglish.stdout).toContain(
      'Pehle ise theek kijiye: "ImageKit ke error aur uske message ke saath reject hota hai" (uploadFile(), jab storage upload mana kar de)',
    );
    expect(hinglish.stdout).toContain('Promise sirf ek baar settle hota hai');
    expect(hinglish.stdout).not.toMatch(/⟦|⟧|rejects with|settles only once/);
    const english = await runEntry('cli', ['check', '05'], temporaryProgressFile(), mistake);
    expect(english.stdout).toContain(
      `First to fix: "rejects with ImageKit's error and its message" (uploadFile() when the storage refuses the upload)`,
    );
    expect(english.stdout).toContain('A promise settles only once');
    expect(english.stdout).not.toMatch(/⟦|⟧|reject hota hai/);
  });
});

describe('LESSON_TARGET', () => {
  it.each([
    ['run', 'bogus'],
    ['check', 'mistake:no-such-mistake'],
    ['run', 'solutions'],
  ])('is refused for %s when it is "%s", naming the values it can take, with exit code 2', async (command, value) => {
    const ran = await runEntry('cli', [command, first.number], temporaryProgressFile(), { LESSON_TARGET: value });
    expect(ran.status).toBe(2);
    const line = ran.stderr.split('\n')[0];
    expect(line).toContain(`LESSON_TARGET is "${value}"`);
    expect(line).toContain('playground');
    expect(line).toContain('solution, starter');
    expect(line).toContain(`mistake:${first.mistakes[0].folder}`);
    expect(ran.stderr).not.toContain('could not be built');
  });

  it('is refused in the language of --lang', async () => {
    const progressFile = temporaryProgressFile();
    const ran = await runEntry('cli', ['run', first.number, '--lang', 'hinglish'], progressFile, {
      LESSON_TARGET: 'bogus',
    });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain(`LESSON_TARGET "bogus" hai, lekin lesson ${first.number} ke liye yeh sirf playground`);
  });

  it("is refused by the app's own command line in the language it names, its usage too", () => {
    const entry = path.join(projectRoot, 'src/apps/run-lesson-app.ts');
    const ran = spawnSync(
      process.execPath,
      ['--import', 'tsx', entry, first.number, '--target', 'bogus', '--lang', 'hinglish'],
      {
        cwd: projectRoot,
        encoding: 'utf8',
      },
    );
    expect(ran.status).toBe(2);
    const [line, usage] = ran.stderr.split('\n');
    expect(line).toBe(
      `--target "bogus" hai, lekin lesson ${first.number} ke liye yeh sirf playground (aapka code, default), solution, starter ya iski koi known mistake ho sakta hai: ${first.mistakes.map((mistake) => `mistake:${mistake.folder}`).join(', ')}.`,
    );
    expect(usage).toMatch(/^Aise chalaiye: tsx src\/apps\/run-lesson-app\.ts <lesson>/);
  });

  it('is refused for watch, which follows your own copy only', async () => {
    const ran = await runEntry('cli', ['watch', first.number], temporaryProgressFile(), { LESSON_TARGET: 'solution' });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toContain('watch follows your own copy');
  });
});

describe('check in a terminal', () => {
  // `script` (util-linux) gives the CLI a pseudo-terminal of its own, as a learner's is.
  const hasScript = spawnSync('script', ['--version']).status === 0;

  it.skipIf(!hasScript)(
    "folds the verdict between words to the terminal's 60 columns",
    async () => {
      const [, ...command] = scriptCommand('lesson');
      const line = `stty cols 60 rows 24; ${[process.execPath, ...command, 'check', '3'].join(' ')}`;
      // The starter fails its checks, so the command ends with exit code 1: its output is on the error.
      const { stdout } = await run('script', ['-qfec', line, '/dev/null'], {
        cwd: projectRoot,
        env: {
          ...process.env,
          LESSON_TARGET: 'starter',
          NO_COLOR: '1',
          PLAYGROUND_PROGRESS_FILE: temporaryProgressFile(),
        },
      }).catch((failed: { stdout: string }) => failed);
      const lines = stripVTControlCharacters(stdout).split(/\r?\n/);
      expect(lines.filter((printed) => printed.length > 59)).toEqual([]);
      expect(lines.join(' ').replace(/\s+/g, ' ')).toContain(
        'song.model.ts does not export a model yet: export const Song = mongoose.model(…, songSchema).',
      );
    },
    120_000,
  );
});

describe('solution', () => {
  it('refuses before the lesson is passed unless --yes is given', async () => {
    const progressFile = temporaryProgressFile();
    const refused = await runEntry('cli', ['solution', first.number], progressFile);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('--yes');
    const shown = await runEntry('cli', ['solution', first.number, '--yes'], progressFile);
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain(`solutions/${first.slug}/${first.exerciseFiles[0]}`);
  });
});

describe('npm start without a terminal', () => {
  it('prints the lessons and the commands to use instead, and exits 0 without waiting', async () => {
    const ran = await runEntry('main', [], temporaryProgressFile());
    expect(ran.status).toBe(0);
    expect(ran.stdout).toContain(first.title);
    expect(ran.stdout).toContain(`npm run lesson -- check ${first.number}`);
    expect(ran.stdout).toContain('npm run lesson -- --help');
  });

  it('says it in the language saved in npm start', async () => {
    const progressFile = temporaryProgressFile();
    writeFileSync(progressFile, JSON.stringify({ language: 'hinglish', lessons: {} }));
    const ran = await runEntry('main', [], progressFile);
    expect(ran.stdout).toContain('isliye menu nahi khulta.\nIski jagah yeh commands use kijiye:');
    expect(ran.stdout).toContain(`npm run lesson -- check ${first.number}         apna solution check kijiye`);
    expect(ran.stdout).not.toMatch(/menu does not open|check your solution/);
  });
});
