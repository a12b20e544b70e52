// Writing a file so that a crash, a full disk or a second writer never leaves half of it:
// the contents go to a temporary file beside it, flushed to disk, then renamed over it (a
// rename within one folder is atomic), so readers see the old file or the new one.
//
// Node's fs rather than the write-file-atomic package, for measured reasons: its newest major
// needs Node 22.22 (this project runs on 20.19), it brings signal-exit, which hooks the signals
// that src/processes/shutdown.ts owns, and it takes 12 to 27 ms to import for what is these few
// lines; a save costs the same with either (6 to 7 ms with the flush, 2 to 3 ms without: 200
// saves of a progress file, Node 20, the 2-core reference machine).
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';

/** A name beside `file` that no other writer, in this process or another, picks too. */
function temporaryFor(file: string): string {
  return `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
}

/** Writes `contents` to `file` atomically, and leaves no temporary file behind when it fails. */
export function writeFileAtomicSync(file: string, contents: string | Uint8Array): void {
  const temporary = temporaryFor(file);
  try {
    writeFileSync(temporary, contents, { flush: true });
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The same as writeFileAtomicSync, without blocking the event loop. */
export async function writeFileAtomic(file: string, contents: string | Uint8Array): Promise<void> {
  const temporary = temporaryFor(file);
  try {
    await writeFile(temporary, contents, { flush: true });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
