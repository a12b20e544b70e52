// Turns what went wrong while starting a lesson's app (or the sandbox), or while it answered a
// request, into a few plain sentences for the learner, in their language: what happened, where
// in their code, what to try. No stack dump.
import path from 'node:path';
import { playgroundRoot, projectRoot } from '../lessons/catalog.ts';
import type { Language } from '../progress/progress-store.ts';

/**
 * When it went wrong: starting the services, loading the learner's files, building the app, listening, running,
 * answering a request (the app answered 500), or answering one again after its answer had left.
 */
export type Stage = 'services' | 'exercise' | 'app' | 'listen' | 'running' | 'request' | 'answeredTwice' | 'sandbox';

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

const words = {
  en: {
    services: "The playground's database or storage did not start, so the app could not run.",
    servicesNext: 'Try again; if it keeps happening, run `npm install` once more.',
    loading: 'Your code stopped with an error while it was being loaded, before the app could start.',
    fixLoading: (where?: string) =>
      `Fix ${where ? 'that line' : 'your exercise file'}, save it, and run the app again.`,
    app: 'The app could not be built around your code.',
    appNext: "Check what your exercise file exports: the starter's first lines say what the app expects.",
    portTaken: (port: string) =>
      `Port ${port} is already taken by another program. Stop it, or leave the port out and the app picks a free one.`,
    listen: 'The app could not start listening for requests.',
    crashed: 'Your app crashed: an error escaped every try/catch, and Node stops the whole server when that happens.',
    crashedNext:
      'One bad request stopped the app for every user. Catch the error in the route (try/catch, or await inside one) and answer with an error status instead.',
    runAgain: 'Then run the app again.',
    request: 'Your code threw an error that no route caught, so the app answered 500:',
    answeredTwice: 'Your route answered, then went on and tried to answer again:',
    answeredTwiceNext: 'Put return in front of the early answer: return res.status(404).json(…).',
    sandbox: 'Your sandbox stopped with an error.',
    sandboxNext: 'Fix it in playground/sandbox.ts and run npm run sandbox again.',
  },
  hinglish: {
    services: 'Playground ka database ya storage start nahi hua, isliye app nahi chal paaya.',
    servicesNext: 'Dobara try kijiye; baar baar ho toh ek baar phir `npm install` chalaiye.',
    loading: 'Aapka code load hote waqt hi error ke saath ruk gaya, app start hone se pehle.',
    fixLoading: (where?: string) =>
      `${where ? 'Woh line' : 'Apni exercise file'} theek kijiye, save kijiye, aur app phir se chalaiye.`,
    app: 'Aapke code se app nahi ban paaya.',
    appNext: 'Dekhiye aapki exercise file kya export karti hai: starter ki pehli lines batati hain app ko kya chahiye.',
    portTaken: (port: string) =>
      `Port ${port} kisi aur program ke paas hai. Use band kijiye, ya port mat dijiye: app khud ek free port le lega.`,
    listen: 'App requests ke liye listen start nahi kar paaya.',
    crashed:
      'Aapka app crash ho gaya: ek error har try/catch se bach nikla, aur aisa hone pe Node poora server band kar deta hai.',
    crashedNext:
      'Ek buri request ne har user ke liye app band kar diya. Route mein error catch kijiye (try/catch, ya uske andar await) aur error status ke saath answer dijiye.',
    runAgain: 'Phir app dobara chalaiye.',
    request: 'Aapke code ne ek error throw kiya jise kisi route ne catch nahi kiya, isliye app ne 500 answer kiya:',
    answeredTwice: 'Aapke route ne answer de diya, phir aage chal kar dobara answer karne ki koshish ki:',
    answeredTwiceNext: 'Pehle waale answer ke aage return lagaiye: return res.status(404).json(…).',
    sandbox: 'Aapka sandbox ek error ke saath ruk gaya.',
    sandboxNext: 'playground/sandbox.ts mein theek kijiye aur npm run sandbox dobara chalaiye.',
  },
};

/**
 * A plain explanation of a startup or run failure, in the learner's language, ready to print.
 * `restartsOnSave`: the runner says next that a save starts the app again, so "run the app again"
 * is left to that one sentence.
 */
export function explainError(error: unknown, stage: Stage, language: Language = 'en', restartsOnSave = false): string {
  const where = learnerLocation(error);
  const message = shortMessage(error);
  const code = (error as { code?: string } | undefined)?.code;
  const said = words[language];
  const explained = (first: string, next?: string) =>
    [first, `  ${message}`, where ? `  at ${where}` : undefined, next].filter(Boolean).join('\n');
  switch (stage) {
    case 'services':
      return `${said.services}\n  ${message}\n${said.servicesNext}`;
    case 'exercise':
      if ((error as Error | undefined)?.name === 'ExerciseFileMissing') return message;
      return explained(said.loading, restartsOnSave ? undefined : said.fixLoading(where));
    case 'app':
      return explained(said.app, said.appNext);
    case 'listen':
      // Node's listen error carries the port it could not have.
      if (code === 'EADDRINUSE') return said.portTaken(String((error as { port?: number }).port ?? ''));
      return `${said.listen}\n  ${message}`;
    case 'running':
      return explained(said.crashed, restartsOnSave ? said.crashedNext : `${said.crashedNext} ${said.runAgain}`);
    case 'request':
      return explained(said.request);
    case 'answeredTwice':
      return explained(said.answeredTwice, said.answeredTwiceNext);
    case 'sandbox':
      return explained(said.sandbox, said.sandboxNext);
  }
}
