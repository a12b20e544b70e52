// Turns what went wrong while starting a lesson's app (or the sandbox) into a few plain
// sentences for the learner: what happened, where in their code, what to try. No stack dump.
import path from 'node:path';
import { playgroundRoot, projectRoot } from '../lessons/catalog.ts';

/** When it went wrong: starting the services, loading the learner's files, building the app, listening, or running. */
export type Stage = 'services' | 'exercise' | 'app' | 'listen' | 'running' | 'sandbox';

/** The first place in the learner's own files (playground/…) the error points at, like "playground/02-schema/song.schema.ts:7:3". */
function learnerLocation(error: unknown): string | undefined {
  const text = error instanceof Error ? `${error.stack ?? ''}\n${error.message}` : String(error);
  for (const match of text.matchAll(/(?:file:\/\/)?(\/[^\s():]+\.[cm]?[jt]s):(\d+)(?::(\d+))?/g)) {
    const file = match[1];
    if (file.startsWith(playgroundRoot + path.sep))
      return `${path.relative(projectRoot, file)}:${match[2]}${match[3] ? `:${match[3]}` : ''}`;
  }
  return undefined;
}

/** The error's own message, in one or two lines: the first lines of a compiler message, without paths to node_modules. */
function shortMessage(error: unknown): string {
  if (!(error instanceof Error)) {
    // Not every library rejects with an Error: the ImageKit SDK rejects with { message, help }.
    const message = (error as { message?: unknown } | null)?.message;
    return typeof message === 'string' ? message : String(error);
  }
  const lines = error.message.split('\n').filter((line) => line.trim() !== '');
  const compiler = lines.find((line) => /ERROR:/.test(line));
  const message = compiler ? compiler.replace(/^.*ERROR:\s*/, 'Syntax error: ') : lines.slice(0, 2).join(' ');
  const name =
    error.name && error.name !== 'Error' && !message.startsWith(error.name) && !compiler ? `${error.name}: ` : '';
  return name + message.replaceAll(projectRoot, '');
}

/** A plain explanation of a startup or run failure, ready to print. */
export function explainError(error: unknown, stage: Stage): string {
  const where = learnerLocation(error);
  const message = shortMessage(error);
  const code = (error as { code?: string } | undefined)?.code;
  switch (stage) {
    case 'services':
      return `The playground's database or storage did not start, so the app could not run.\n  ${message}\nTry again; if it keeps happening, run \`npm install\` once more.`;
    case 'exercise':
      if ((error as Error | undefined)?.name === 'ExerciseFileMissing') return message;
      return [
        `Your code stopped with an error while it was being loaded, before the app could start.`,
        `  ${message}`,
        where ? `  at ${where}` : undefined,
        `Fix ${where ? 'that line' : 'your exercise file'}, save it, and run the app again.`,
      ]
        .filter(Boolean)
        .join('\n');
    case 'app':
      return [
        `The app could not be built around your code.`,
        `  ${message}`,
        where ? `  at ${where}` : undefined,
        `Check what your exercise file exports: the starter's first lines say what the app expects.`,
      ]
        .filter(Boolean)
        .join('\n');
    case 'listen':
      if (code === 'EADDRINUSE')
        return `That port is already taken by another program. Stop it, or leave the port out and the app picks a free one.`;
      return `The app could not start listening for requests.\n  ${message}`;
    case 'running':
      return [
        `Your app crashed: an error escaped every try/catch, and Node stops the whole server when that happens.`,
        `  ${message}`,
        where ? `  at ${where}` : undefined,
        `One bad request stopped the app for every user. Catch the error in the route (try/catch, or await inside one) and answer with an error status instead. Then run the app again.`,
      ]
        .filter(Boolean)
        .join('\n');
    case 'sandbox':
      return [
        `Your sandbox stopped with an error.`,
        `  ${message}`,
        where ? `  at ${where}` : undefined,
        `Fix it in playground/sandbox.ts and run \`npm run sandbox\` again.`,
      ]
        .filter(Boolean)
        .join('\n');
  }
}
