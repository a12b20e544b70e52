// The command line of `npm run lesson`, read by util.parseArgs: every form the help text
// promises, and one plain line for each wrong one.
import { describe, expect, it } from 'vitest';
import { parseArguments } from '../../src/runner/cli-arguments.ts';

describe('parseArguments', () => {
  it('takes the command, then the lesson and the hint number as words', () => {
    expect(parseArguments(['hint', '02', '3'])).toEqual({
      command: 'hint',
      words: ['02', '3'],
      yes: false,
      help: false,
    });
  });

  it('reads --lang with a space or an equals sign, and "english" as en', () => {
    expect(parseArguments(['show', '2', '--lang', 'hinglish']).language).toBe('hinglish');
    expect(parseArguments(['show', '--lang=english', '2'])).toMatchObject({ language: 'en', words: ['2'] });
  });

  it('reads --yes, -y, --help and -h anywhere, and the command help as --help', () => {
    expect(parseArguments(['reset', '-y', '2'])).toMatchObject({ yes: true, words: ['2'] });
    expect(parseArguments(['reset', '2', '--yes']).yes).toBe(true);
    expect(parseArguments(['-h']).help).toBe(true);
    expect(parseArguments(['list', '--help']).help).toBe(true);
    expect(parseArguments(['help']).help).toBe(true);
  });

  it('reads --port N and --open for run, and refuses them for the other commands', () => {
    expect(parseArguments(['run', '7', '--port', '3000', '--open'])).toMatchObject({ port: 3000, open: true });
    expect(parseArguments(['run', '7', '--port=0']).port).toBe(0);
    expect(parseArguments(['run', '7', '--port', 'x']).problem).toBe(
      '--port needs a whole number from 0 to 65535 (0 picks any free port), not "x".',
    );
    expect(parseArguments(['check', '7', '--port', '3000']).problem).toBe(
      '--port is for run only, like: npm run lesson -- run 2 --port 3000',
    );
    expect(parseArguments(['show', '7', '--open']).problem).toBe(
      '--open is for run only, like: npm run lesson -- run 2 --open',
    );
  });

  it('says in one line what is wrong with an option', () => {
    expect(parseArguments(['show', '2', '--lang', 'french']).problem).toBe(
      '--lang takes "en" or "hinglish", not "french".',
    );
    expect(parseArguments(['show', '2', '--lang']).problem).toBe('--lang takes "en" or "hinglish", not "".');
    expect(parseArguments(['list', '--colour']).problem).toBe('Unknown option --colour.');
    expect(parseArguments(['list', '-x']).problem).toBe('Unknown option -x.');
    expect(parseArguments(['reset', '2', '--yes=no']).problem).toBe('Unknown option --yes=no.');
  });

  it('says it in the language of --lang, wherever it stands, else in the one chosen in the menu', () => {
    expect(parseArguments(['list', '--colour', '--lang', 'hinglish']).problem).toBe('--colour koi option nahi hai.');
    expect(parseArguments(['check', '7', '--port', '3000'], 'hinglish').problem).toBe(
      '--port sirf run ke saath chalta hai, jaise: npm run lesson -- run 2 --port 3000',
    );
    expect(parseArguments(['run', '7', '--port', 'x'], 'hinglish').problem).toMatch(
      /^--port ko 0 se 65535 .* "x" nahi\.$/,
    );
    expect(parseArguments(['show', '2', '--lang', 'french'], 'hinglish').problem).toBe(
      '--lang ke saath "en" ya "hinglish" likhiye, "french" nahi.',
    );
    expect(parseArguments(['list', '--colour', '--lang', 'en'], 'hinglish').problem).toBe('Unknown option --colour.');
  });
});
