// ImageKit authenticates every server-side call the same way: HTTP basic auth
// with the private key as the user name and no password. Uploads and deletes
// share this check, so both refuse a missing or wrong key with ImageKit's words.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** ImageKit's message for a private key that is not the account's. */
export const WRONG_KEY = 'Your account cannot be authenticated.';
/** ImageKit's message for a request with no private key at all. */
const NO_KEY = 'Your request does not contain private API key.';

/** Why a request's private key is refused: 401 when there is none, 403 when it is wrong. */
interface KeyRefusal {
  status: 401 | 403;
  message: string;
}

/** Checks the request's basic-auth private key; undefined means it is the right one. */
export function refuseKey(req: IncomingMessage, privateKey: string): KeyRefusal | undefined {
  const key = basicUser(req.headers.authorization);
  if (key === undefined) return { status: 401, message: NO_KEY };
  if (!sameText(key, privateKey)) return { status: 403, message: WRONG_KEY };
  return undefined;
}

function basicUser(header: string | undefined): string | undefined {
  const match = /^Basic\s+(\S+)$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const user = colon < 0 ? decoded : decoded.slice(0, colon);
  return user === '' ? undefined : user;
}

// Constant-time, so the answer's timing says nothing about how much of a key was right.
function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
