// Where two of the playground's own processes meet on this machine. On Linux an abstract
// socket: no file at all, so nothing is left behind, and no limit on the folder's path (a
// socket file's path is cut at 108 bytes without a word, and the socket made elsewhere).
// Elsewhere a socket file in `folder`, or in /tmp when that path is too long; on Windows, which
// has no socket files, a named pipe.
import { randomBytes } from 'node:crypto';
import path from 'node:path';

/** Below the shortest limit of a socket file's path (104 bytes on macOS). */
const SOCKET_PATH_BYTES = 100;

/** A new address for net.createServer().listen() and net.connect(), unique to this call. */
export function localSocketPath(folder: string, name: string): string {
  const unique = `${name}-${randomBytes(4).toString('hex')}`;
  if (process.platform === 'win32') return `\\\\.\\pipe\\playground-${unique}`;
  if (process.platform === 'linux') return `\0playground-${unique}`;
  const file = path.join(folder, `${unique}.sock`);
  return Buffer.byteLength(file) < SOCKET_PATH_BYTES ? file : path.join('/tmp', `playground-${unique}.sock`);
}
