// Every answer the local storage gives is JSON: the ImageKit SDK hangs forever
// on a 2xx reply it cannot parse, and learners read `{message, help}` on errors.
import type { ServerResponse } from 'node:http';

/** The `help` line ImageKit puts on every error it returns. */
const IMAGEKIT_HELP = 'For support kindly contact us at support@imagekit.io .';

/** An upload that must end with an ImageKit-style error reply. */
export class UploadError extends Error {
  readonly status: number;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/** Sends `body` as JSON with ImageKit's content type; HEAD requests get the headers only. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | number> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

/** Sends an error shaped the way ImageKit shapes them: `{message, help}`. */
export function sendImageKitError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string | number> = {},
): void {
  sendJson(res, status, { message, help: IMAGEKIT_HELP }, headers);
}
