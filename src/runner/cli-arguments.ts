// Reads `npm run lesson -- <command> [lesson] [n] [--lang hinglish|en] [--yes] [--help]`,
// and run's own `--port N` and `--open`; `export [folder]` takes a folder instead of a lesson.
import { parseArgs } from 'node:util';
import { readLanguage, type Language } from '../progress/progress-store.ts';
import { readPort } from '../processes/port-option.ts';
import { usageWords } from './usage-words.ts';

export const commands = ['list', 'show', 'run', 'check', 'watch', 'hint', 'reset', 'solution', 'export'] as const;
type Command = (typeof commands)[number];

interface CliArguments {
  command?: string;
  /** The words after the command: the lesson, and for `hint` the hint's number; for `export`, the folder. */
  words: string[];
  language?: Language;
  yes: boolean;
  /** --help, -h, or the command `help`. */
  help: boolean;
  /** run's --port N (0 picks a free port, as without it). */
  port?: number;
  /** run's --open: the app's page in the system's browser. */
  open?: boolean;
  /** Set when an option is wrong: one line for the learner, in the language of --lang or `saidIn`. */
  problem?: string;
}

const options = {
  lang: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
  port: { type: 'string' },
  open: { type: 'boolean' },
} as const;

/** Splits the command line into the command, its words and the options. */
export function parseArguments(argv: string[], saidIn: Language = 'en'): CliArguments {
  // Not strict: parseArgs' own errors are long and name no valid value, so the options are checked below.
  const { positionals, tokens } = parseArgs({
    args: argv,
    options,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const [command, ...words] = positionals;
  const parsed: CliArguments = { command, words, yes: false, help: command === 'help' };
  // Said once the language is known: a --lang later on the line counts too.
  let problem: ((language: Language) => string) | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    if (token.name === 'lang') {
      const reading = readLanguage(token.value);
      if (reading.problem === undefined) parsed.language = reading.language;
      else problem ??= (language) => readLanguage(token.value, language).problem ?? '';
    } else if ((token.name === 'yes' || token.name === 'help') && token.value === undefined) {
      parsed[token.name] = true;
    } else if ((token.name === 'port' || token.name === 'open') && command !== 'run') {
      const example = token.name === 'port' ? 'port 3000' : 'open';
      problem ??= (language) => usageWords(language).runOnly(token.name, example);
    } else if (token.name === 'port') {
      const reading = readPort(token.value);
      if (reading.problem === undefined) parsed.port = reading.port;
      else problem ??= (language) => readPort(token.value, language).problem ?? '';
    } else if (token.name === 'open' && token.value === undefined) {
      parsed.open = true;
    } else {
      const option = `${token.rawName}${token.inlineValue ? `=${token.value}` : ''}`;
      problem ??= (language) => usageWords(language).unknownOption(option);
    }
  }
  if (problem) parsed.problem = problem(parsed.language ?? saidIn);
  return parsed;
}

/** True when `name` is one of the commands. */
export function isCommand(name: string): name is Command {
  return (commands as readonly string[]).includes(name);
}
