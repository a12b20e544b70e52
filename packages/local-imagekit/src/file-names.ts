// Names and folders come from the client, so they are rebuilt here from safe
// characters only, and every path is checked to stay inside the storage folder.
import { randomBytes } from 'node:crypto';
import { join, resolve, sep } from 'node:path';

// ImageKit keeps letters (any alphabet), digits, dots and dashes; anything else becomes `_`.
const NOT_ALLOWED = /[^\p{L}0-9.-]/gu;
// Linux and macOS refuse names over 255 bytes; leave room for the unique suffix.
const MAX_NAME_BYTES = 200;

// NFC first: macOS spells "é" as "e" plus an accent mark, which would become "e_".
function keepAllowed(text: string): string {
  return text.normalize('NFC').replace(NOT_ALLOWED, '_');
}

/** Rewrites a client's fileName the way ImageKit does: characters it does not keep become `_`. */
export function sanitiseFileName(fileName: string): string {
  const cleaned = keepAllowed(fileName);
  // A name made only of dots would mean "this folder" or "the parent".
  return /^\.*$/.test(cleaned) ? cleaned.replace(/\./g, '_') : cleaned;
}

/** How deep a folder may go, in bytes of its whole path: well inside every system's path limit (4,096 on Linux). */
const MAX_FOLDER_BYTES = 1024;

/** Whether folder segments fit on disk: each a name the system takes (255 bytes), the whole path not too deep. */
export function folderFits(segments: string[]): boolean {
  return (
    segments.every((segment) => Buffer.byteLength(segment) <= 255) &&
    Buffer.byteLength(segments.join('/')) <= MAX_FOLDER_BYTES
  );
}

/** Whether a sanitised name fits on disk once a unique suffix is added. */
export function nameFits(name: string): boolean {
  return name.length > 0 && Buffer.byteLength(name) <= MAX_NAME_BYTES;
}

/** Adds ImageKit's unique suffix: `_` and 9 characters of [A-Za-z0-9_-] before the extension. */
export function withUniqueSuffix(name: string): string {
  // base64url's alphabet is exactly [A-Za-z0-9_-].
  const suffix = randomBytes(7).toString('base64url').slice(0, 9);
  const dot = name.lastIndexOf('.');
  // A leading dot (".env") starts the name, it is not an extension.
  if (dot <= 0) return `${name}_${suffix}`;
  return `${name.slice(0, dot)}_${suffix}${name.slice(dot)}`;
}

/** Turns a client's folder into safe segments: `../../etc` becomes `['etc']`, `/` becomes `[]`. */
export function folderSegments(folder: string): string[] {
  return folder
    .split(/[/\\]/)
    .map(keepAllowed)
    .filter((segment) => segment !== '' && !/^\.+$/.test(segment));
}

/** The public path ImageKit reports for a file: `/folder/sub/name.ext`. */
export function publicPath(segments: string[], name: string): string {
  return `/${[...segments, name].join('/')}`;
}

/** Resolves segments under `root`, or undefined when the result would land outside it. */
export function resolveInside(root: string, segments: string[]): string | undefined {
  const target = resolve(root, ...segments);
  return target.startsWith(root + sep) ? target : undefined;
}

/** A fresh path in `incomingDir` for an upload still being written, so it is never served half-done. */
export function incomingPath(incomingDir: string): string {
  return join(incomingDir, `${randomBytes(12).toString('hex')}.part`);
}
