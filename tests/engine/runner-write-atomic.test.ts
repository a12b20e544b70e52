// The one way the engine writes a file that must never be seen half-written (progress, and
// the playground's record of starter copies): a temporary file beside it, renamed over it.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { writeFileAtomic, writeFileAtomicSync } from '../../src/files/write-atomic.ts';

/** A fresh folder, removed when the test ends. */
function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'write-atomic-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe('writeFileAtomicSync', () => {
  it('writes a new file and replaces an old one, leaving nothing else beside it', () => {
    const dir = folder();
    const file = path.join(dir, 'progress.json');
    writeFileAtomicSync(file, 'first\n');
    writeFileAtomicSync(file, 'second\n');
    expect(readFileSync(file, 'utf8')).toBe('second\n');
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });

  it('throws when it cannot write, and leaves no temporary file', () => {
    const dir = folder();
    const file = path.join(dir, 'progress.json');
    mkdirSync(path.join(file, 'inside'), { recursive: true }); // a folder stands where the file goes
    expect(() => writeFileAtomicSync(file, 'text')).toThrow();
    expect(readdirSync(dir)).toEqual(['progress.json']);
  });
});

describe('writeFileAtomic', () => {
  it('lets many writes at once each land whole: the file ends as one of them', async () => {
    const dir = folder();
    const file = path.join(dir, 'record.json');
    const contents = Array.from({ length: 20 }, (_, index) => JSON.stringify({ index, padding: 'x'.repeat(10_000) }));
    await Promise.all(contents.map((text) => writeFileAtomic(file, text)));
    expect(contents).toContain(readFileSync(file, 'utf8'));
    expect(readdirSync(dir)).toEqual(['record.json']);
  });

  it('rejects when it cannot write, and leaves no temporary file', async () => {
    const dir = folder();
    const file = path.join(dir, 'record.json');
    mkdirSync(path.join(file, 'inside'), { recursive: true });
    await expect(writeFileAtomic(file, 'text')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['record.json']);
  });
});
