// What the running lesson app shows after each request: the changes to the database.
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { compareSnapshots, formatChanges, type Snapshot } from '../../src/apps/database-changes.ts';
import { cutLine, wrapLine } from '../../src/apps/document-format.ts';

const noColour = (_colour: unknown, text: string) => text;

function snapshot(collections: Record<string, Record<string, unknown>[]>): Snapshot {
  return new Map(
    Object.entries(collections).map(([name, docs]) => [
      name,
      new Map(docs.map((doc) => [String(doc._id), { doc, json: JSON.stringify(doc) }])),
    ]),
  );
}

describe('the changes a request made', () => {
  it('shows a collection appearing with its first document', () => {
    const changes = compareSnapshots(snapshot({}), snapshot({ songs: [{ _id: 1, title: 'Kesariya' }] }));
    expect(formatChanges(changes, noColour, 80)).toEqual([
      '+ collection songs created',
      '+ songs inserted { _id: 1, title: "Kesariya" }',
    ]);
  });

  it('shows a dropped collection, and updates field by field', () => {
    const before = snapshot({ old: [], songs: [{ _id: 1, mood: 'sad' }] });
    const after = snapshot({ songs: [{ _id: 1, mood: 'happy' }] });
    expect(formatChanges(compareSnapshots(before, after), noColour, 80)).toEqual([
      '- collection old dropped',
      '~ songs updated 1: mood: "sad" → "happy"',
    ]);
  });

  it('says them in Hinglish when the learner reads Hinglish', () => {
    const before = snapshot({ songs: [{ _id: 1, mood: 'sad', note: 'old' }] });
    const after = snapshot({
      songs: [
        { _id: 1, mood: 'happy' },
        { _id: 2, title: 'Kesariya' },
      ],
    });
    expect(formatChanges(compareSnapshots(before, after), noColour, 120, '', 'hinglish')).toEqual([
      '~ songs mein update hua 1: mood: "sad" → "happy", note: hata diya (pehle "old" tha)',
      '+ songs mein insert hua { _id: 2, title: "Kesariya" }',
    ]);
  });

  it('says nothing when nothing changed', () => {
    // Two equal reads, not one object twice: the comparison must look at the documents.
    const read = () => snapshot({ songs: [{ _id: 1, title: 'Kesariya' }] });
    expect(compareSnapshots(read(), read())).toEqual([]);
  });
});

describe('a long line in the log', () => {
  const wide = 'title: "तेरे बिना 🎵 तेरे बिना 🎵 तेरे बिना 🎵", artist: "周杰伦 周杰伦 周杰伦 周杰伦 周杰伦 周杰伦"';

  it('is folded by terminal columns, so wide characters never run past the width', () => {
    const lines = wrapLine(wide, 30, '  ', 10).split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(30);
    expect(lines.map((line) => line.trim()).join(' ')).toBe(wide);
  });

  it('is cut by terminal columns, ending with "…"', () => {
    const cut = cutLine('周杰伦 周杰伦 周杰伦', 8);
    expect(cut).toBe('周杰伦 …');
    expect(stringWidth(cut)).toBeLessThanOrEqual(8);
    expect(cutLine('plain words', 20)).toBe('plain words');
  });
});
