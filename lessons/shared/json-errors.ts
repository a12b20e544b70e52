// The last handlers of every lesson app, so that every answer is JSON like the routes' own
// ({ ok: false, … }), never Express's HTML page. A lesson names the errors it knows how to
// answer: answerErrorsAsJson(validationFailed, malformedId). Anything else is a crash: 500,
// with the details in the app's terminal, never in the answer.
import { channel } from 'node:diagnostics_channel';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import mongoose from 'mongoose';
import multer from 'multer';

/** An answer for one kind of error, or undefined when the error is not of that kind. */
export type KnownError = (error: unknown) => { status: number; body: Record<string, unknown> } | undefined;

/** A document that breaks its schema: 400, with one message per field, `{ title: 'A song needs a title' }`. */
export const validationFailed: KnownError = (error) => {
  if (!(error instanceof mongoose.Error.ValidationError)) return undefined;
  const errors: Record<string, string> = {};
  for (const [field, problem] of Object.entries(error.errors)) errors[field] = problem.message;
  return { status: 400, body: { ok: false, errors } };
};

/** A value that cannot be cast to its type, like "abc" as an _id: 400. */
export const malformedId: KnownError = (error) =>
  error instanceof mongoose.Error.CastError ? { status: 400, body: { ok: false, error: error.message } } : undefined;

/** The storage refused an upload: 502, a server behind this one failed. */
export const storageRefused: KnownError = (error) => {
  // The ImageKit SDK rejects with the storage's answer, a plain object { message, help }, not an Error.
  const message = (error as { message?: unknown } | null)?.message;
  if (error instanceof Error || typeof message !== 'string') return undefined;
  return { status: 502, body: { ok: false, error: `Storage refused the upload: ${message}` } };
};

/** Where an error no route caught is published, with its request: the checks and the app's runner listen. */
export const crashChannel = 'lesson-app:unhandled-error';
const crashed = channel(crashChannel);
/** Where a route that answered and then tried again is published, with its request and the error of the second try. */
export const answeredTwiceChannel = 'lesson-app:answered-twice';
const answeredTwice = channel(answeredTwiceChannel);

/** Ends every lesson app: errors the lesson knows get their answer, the rest a 500. */
export function answerErrorsAsJson(...known: KnownError[]): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const request = `${req.method} ${req.originalUrl}`;
    if (res.headersSent) {
      // The route had already answered, then went on and tried again: a `return` is missing.
      // The app's runner says it under the request, in the learner's language; with no one listening, it is said here.
      answeredTwice.publish({ request, error });
      if (!answeredTwice.hasSubscribers)
        console.error(
          `${request} tried to answer twice: after its first res.json(…) the route went on. ` +
            `Put return in front of the early answer: return res.status(404).json(…). (${error?.message ?? error})`,
        );
      return;
    }
    // The lesson's own answers before the generic ones: it may know better (lesson 07 names its form field).
    for (const answerFor of [badJsonBody, ...known, uploadFormRefused]) {
      const answer = answerFor(error);
      if (answer) {
        res.status(answer.status).json(answer.body);
        return;
      }
    }
    // Something crashed, most likely in the exercise. The checks show it beside the failing check,
    // the app's runner under its request, in the learner's language; with no one listening, it is said here.
    crashed.publish({ request, error });
    if (!crashed.hasSubscribers) console.error(`${request} failed, and no route caught the error:`, error);
    res.status(500).json({ ok: false, error: 'Something went wrong on the server. See its terminal for details.' });
  };
}

/** Reached only when no route matched: a JSON 404 like every other answer. */
export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ ok: false, error: `Nothing answers ${req.method} ${req.path} in this app.` });
};

// A body that is not JSON at all, as express.json() reports it: the client's mistake.
const badJsonBody: KnownError = (error) => {
  const failure = error as { type?: unknown; message?: string } | null;
  if (failure?.type !== 'entity.parse.failed') return undefined;
  return { status: 400, body: { ok: false, error: `The body is not valid JSON: ${failure.message}` } };
};

// A form multer could not take: a file over the limit (413) or a field it did not expect (400).
const uploadFormRefused: KnownError = (error) => {
  if (!(error instanceof multer.MulterError)) return undefined;
  const status = error.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
  return { status, body: { ok: false, error: `The upload form was not accepted: ${error.message}` } };
};
