// The `--port N` option of `npm run db`, `npm run storage` and `npm run lesson -- run`, read
// like `npm run lesson` reads its command line (util.parseArgs): a wrong command line gets
// one line, then the usage, and exit code 2.
import { parseArgs } from 'node:util';
import { paint } from '../terminal/terminal.ts';

interface PortOption {
  /** The port asked for (0 picks any free port); undefined when none was. */
  port?: number;
  /** Set when the command line is wrong: one line for the learner. */
  problem?: string;
}

type SaidIn = 'en' | 'hinglish';

/** Reads `[--port N]` from `argv`; anything else is a problem, said in `saidIn`. */
export function readPortOption(argv: string[], saidIn: SaidIn = 'en'): PortOption {
  const hinglish = saidIn === 'hinglish';
  const { tokens } = parseArgs({
    args: argv,
    options: { port: { type: 'string' } },
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const read: PortOption = {};
  // The first thing wrong is the one said: what follows it may only be its value.
  for (const token of tokens) {
    if (token.kind === 'positional')
      read.problem ??= hinglish
        ? `"${token.value}" yahan nahi chalega: option sirf ek hai, --port N.`
        : `Unexpected "${token.value}": the only option is --port N.`;
    else if (token.kind === 'option' && token.name !== 'port')
      read.problem ??= hinglish ? `${token.rawName} koi option nahi hai.` : `Unknown option ${token.rawName}.`;
    else if (token.kind === 'option') {
      const { port, problem } = readPort(token.value, saidIn);
      if (problem) read.problem ??= problem;
      else read.port = port;
    }
  }
  return read;
}

/** `value` as a port number (0 picks any free port), or the line saying why it is not one, in `saidIn`. */
export function readPort(value: string | undefined, saidIn: SaidIn = 'en'): PortOption {
  const port = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isInteger(port) || port < 0 || port > 65535)
    return {
      problem:
        saidIn === 'hinglish'
          ? `--port ko 0 se 65535 tak ka poora number chahiye (0 dene par koi bhi khaali port mil jaata hai), "${value ?? ''}" nahi.`
          : `--port needs a whole number from 0 to 65535 (0 picks any free port), not "${value ?? ''}".`,
    };
  return { port };
}

/** The port of `argv` for the npm script `script`; a wrong command line ends the process with code 2. */
export function portOrExit(argv: string[], script: 'db' | 'storage', saidIn: SaidIn = 'en'): number | undefined {
  const { port, problem } = readPortOption(argv, saidIn);
  if (problem === undefined) return port;
  console.error(paint('red', problem));
  console.error(`${saidIn === 'hinglish' ? 'Aise likhiye' : 'Usage'}: npm run ${script} -- [--port N]`);
  process.exit(2);
}
