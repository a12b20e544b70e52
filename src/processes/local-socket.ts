// Where two of the playground's own processes meet on this machine: a Unix socket in the
// run's scratch folder, or a named pipe on Windows (which has no socket files).
import path from 'node:path';

/** The address for net.createServer().listen() and net.connect(). */
export function localSocketPath(scratchFolder: string, name: string): string {
  if (process.platform === 'win32') return `\\\\.\\pipe\\${path.basename(scratchFolder)}-${name}`;
  return path.join(scratchFolder, `${name}.sock`);
}
