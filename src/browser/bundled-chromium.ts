// The Chromium that `npm install` brings: @sparticuz/chromium ships a headless Chromium
// for Linux x64 inside its npm package, brotli-compressed, so a fresh machine needs no
// download. It is unpacked once, on first use, into node_modules/.cache (about 200 MB, 2 s
// of CPU), and launched from there ever after in a fraction of a second: a browser check
// must not pay the unpacking every time. The package's own executablePath() is not used:
// it writes to fixed names in the temp folder (/tmp/chromium, /tmp/fonts, loose
// libraries), reuses whatever is there whatever its version, and races when two
// processes unpack at once.
import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';

const PACKAGE = '@sparticuz/chromium';
const cacheRoot = fileURLToPath(new URL('../../node_modules/.cache/playground-chromium/', import.meta.url));

/** A sentence the learner may read, in English and in Hinglish. */
export interface InBothLanguages {
  english: string;
  hinglish: string;
}

/** Why the bundled Chromium cannot be used here, or undefined when it can. */
export function bundledChromiumMissing(): InBothLanguages | undefined {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    const here = `${process.platform} ${process.arch}`;
    return {
      english: `The Chromium that comes with npm install only runs on Linux x64, not ${here}.`,
      hinglish: `npm install ke saath aane waala Chromium sirf Linux x64 par chalta hai, ${here} par nahi.`,
    };
  }
  if (!compressedChromium())
    return {
      english: `The package ${PACKAGE} is not installed: run npm install.`,
      hinglish: `${PACKAGE} package install nahi hai: npm install chalaiye.`,
    };
  return undefined;
}

/** The unpacked bundled Chromium's executable, unpacked now if this version never was. */
export async function bundledChromium(): Promise<string> {
  const source = compressedChromium();
  if (!source) throw new Error(bundledChromiumMissing()?.english);
  const executable = join(cacheRoot, source.version, 'chromium');
  if (existsSync(executable)) return executable;
  await mkdir(dirname(executable), { recursive: true });
  // Unpacked under a name of its own, then renamed: another process never sees half a file.
  const partial = `${executable}.${process.pid}.partial`;
  try {
    // Big chunks: unpacking takes about half as long as with the defaults.
    await pipeline(
      createReadStream(source.file, { highWaterMark: 2 ** 22 }),
      createBrotliDecompress({ chunkSize: 2 ** 21 }),
      createWriteStream(partial, { mode: 0o755 }),
    );
    await rename(partial, executable);
  } finally {
    await rm(partial, { force: true });
  }
  return executable;
}

// The package's `bin/chromium.br` and its version, or undefined when it is not installed.
function compressedChromium(): { file: string; version: string } | undefined {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return undefined;
  }
  // Its exports hide bin/, so walk up from its entry file to the package's own folder.
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const { name, version } = JSON.parse(readFileSync(manifest, 'utf8'));
    if (name !== PACKAGE) continue;
    const file = join(dir, 'bin', 'chromium.br');
    return existsSync(file) ? { file, version } : undefined;
  }
  return undefined;
}
