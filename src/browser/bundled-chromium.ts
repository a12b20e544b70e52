// The Chromium that `npm install` brings: @sparticuz/chromium ships a headless
// Chromium for Linux x64 inside its npm package, brotli-compressed, so a fresh
// machine needs no download. It is unpacked here rather than with the
// package's own executablePath(), which writes to fixed names in the temp
// folder (/tmp/chromium, /tmp/fonts, loose libraries), reuses whatever is
// there whatever its version, and races when two processes unpack at once.
import { createReadStream, createWriteStream, existsSync, readFileSync, rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';

const PACKAGE = '@sparticuz/chromium';
// Folders are named after the process that unpacked them, so a later launch can
// tell which ones a killed process left behind.
const FOLDER_PREFIX = 'playground-chromium-';
const LEFTOVER = new RegExp(`^${FOLDER_PREFIX}(\\d+)-`);

/** An unpacked Chromium, in a temporary folder of its own. */
export interface UnpackedChromium {
  executable: string;
  /** Deletes the temporary folder; safe to call twice. */
  remove(): Promise<void>;
}

/** Why the bundled Chromium cannot be used here, or undefined when it can. */
export function bundledChromiumMissing(): string | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    return `The Chromium that comes with npm install only runs on Linux x64, not ${process.platform} ${process.arch}.`;
  }
  if (!compressedChromium()) return `The package ${PACKAGE} is not installed: run npm install.`;
  return undefined;
}

/** Unpacks the bundled Chromium (about 200 MB, 2 s) into a fresh temporary folder. */
export async function unpackBundledChromium(): Promise<UnpackedChromium> {
  const source = compressedChromium();
  if (!source) throw new Error(bundledChromiumMissing());
  await removeLeftoverChromium();
  const folder = await mkdtemp(join(tmpdir(), `${FOLDER_PREFIX}${process.pid}-`));
  // Should the process end without remove(), the folder still goes (a kill -9 aside: see removeLeftoverChromium).
  const removeAtExit = (): void => rmSync(folder, { recursive: true, force: true });
  process.once('exit', removeAtExit);
  let removed: Promise<void> | undefined;
  const remove = (): Promise<void> => {
    process.off('exit', removeAtExit);
    removed ??= rm(folder, { recursive: true, force: true, maxRetries: 3 });
    return removed;
  };
  const executable = join(folder, 'chromium');
  try {
    // Big chunks: unpacking takes about half as long as with the defaults.
    await pipeline(
      createReadStream(source, { highWaterMark: 2 ** 22 }),
      createBrotliDecompress({ chunkSize: 2 ** 21 }),
      createWriteStream(executable, { mode: 0o755 }),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { executable, remove };
}

// The package's `bin/chromium.br`, or undefined when the package is not installed.
function compressedChromium(): string | undefined {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return undefined;
  }
  // Its exports hide bin/, so walk up from its entry file to the package's own folder.
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === PACKAGE) {
      const file = join(dir, 'bin', 'chromium.br');
      return existsSync(file) ? file : undefined;
    }
  }
  return undefined;
}

/** Removes the copies unpacked by processes that no longer run (killed before they could clean up). */
export async function removeLeftoverChromium(): Promise<void> {
  const names = await readdir(tmpdir()).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(LEFTOVER.exec(name)?.[1]);
    if (pid && !isRunning(pid)) await rm(join(tmpdir(), name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0 only asks whether the process exists
    return true;
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
