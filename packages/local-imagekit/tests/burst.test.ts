// Many uploads at once, as a class of learners' apps would send them, all
// land intact and come back byte for byte.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useLocalStorage } from './support/local-storage.ts';

const local = useLocalStorage();

describe('a burst of 50 concurrent uploads', () => {
  it('stores every file under its own name and serves every byte back identical', async () => {
    // Sizes from a few bytes to ~1 MB, some sent as base64 text, all with the same fileName.
    const files = Array.from({ length: 50 }, (_, i) => randomBytes(1 + ((i * 20_011) % 1_000_000)));
    const results = await Promise.all(
      files.map((file, i) =>
        local.imagekit.upload({
          file: i % 5 === 0 ? file.toString('base64') : file,
          fileName: 'take.mp3',
          folder: 'burst',
        }),
      ),
    );
    expect(new Set(results.map((result) => result.filePath)).size).toBe(50);
    const served = await Promise.all(
      results.map(async (result) => Buffer.from(await (await fetch(result.url)).arrayBuffer())),
    );
    served.forEach((bytes, i) => {
      expect(results[i].size).toBe(files[i].length);
      expect(bytes.equals(files[i])).toBe(true);
    });
  });
});
