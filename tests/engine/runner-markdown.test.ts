// The lesson text in the terminal: marked's tokens, rendered by the runner's own small renderer.
import { stripVTControlCharacters as stripAnsi } from 'node:util';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/runner/markdown-render.ts';
import { parseHints } from '../../src/runner/lesson-texts.ts';
import { formatDiff, lineEdits } from '../../src/runner/solution-diff.ts';
import { fold, painter } from '../../src/terminal/terminal.ts';

const lesson = `# Schema

A **schema** says what a song looks like: its \`title\`, and [more](https://mongoosejs.com).
This line was wrapped in the source.

## Steps

1. Open the file.
2. Add the fields:
   - \`title\`
   - \`artist\`

\`\`\`ts
const a = 'x'; // a comment
\`\`\`
`;

describe('renderMarkdown', () => {
  const plain = renderMarkdown(lesson, { width: 80, colour: false });

  it('underlines headings and keeps their text', () => {
    expect(plain).toContain('Schema\n══════');
    expect(plain).toContain('Steps\n─────');
  });

  it('joins source line breaks into one paragraph and shows links with their address', () => {
    const wide = renderMarkdown(lesson, { width: 200, colour: false });
    expect(wide).toContain('its `title`, and more (https://mongoosejs.com). This line was wrapped in the source.');
  });

  it('numbers ordered lists and nests bullet lists under them', () => {
    expect(plain).toContain('1. Open the file.\n2. Add the fields:\n   • `title`\n   • `artist`');
  });

  it('indents code blocks by four spaces', () => {
    expect(plain).toContain("\n    const a = 'x'; // a comment\n");
  });

  it('uses no colour codes when colour is off, and some when on', () => {
    expect(plain).toBe(stripAnsi(plain));
    const coloured = renderMarkdown(lesson, { width: 80, colour: true });
    expect(coloured).not.toBe(stripAnsi(coloured));
    expect(stripAnsi(coloured)).toContain('A schema says');
  });

  it('wraps long paragraphs at the width', () => {
    const text = renderMarkdown('word '.repeat(60), { width: 40, colour: false });
    for (const line of text.trimEnd().split('\n')) expect(line.length).toBeLessThanOrEqual(40);
  });
});

describe('a code line wider than the screen', () => {
  const code = [
    '```ts',
    'const uploaded = await imagekit.upload({ file: file.buffer, fileName: file.originalname });',
    '  curl -s -F "file=@kesariya.mp3" https://upload.imagekit.io/api/v1/files/upload/and/more',
    '```',
  ].join('\n');
  const folded = (colour: boolean) => renderMarkdown(code, { width: 50, colour }).trimEnd().split('\n');

  it('is folded within the width, after a space or punctuation, never inside a name', () => {
    const lines = folded(false);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(50);
    expect(lines.slice(0, 4)).toEqual([
      '    const uploaded = await imagekit.upload({ file:',
      '        file.buffer, fileName: file.originalname',
      '        });',
      '      curl -s -F "file=@kesariya.mp3"',
    ]);
    expect(lines[4]).toMatch(/^ {10}https:\/\/upload\./);
  });

  it('shows its folded parts four columns deeper than the line', () => {
    const lines = folded(false);
    expect(lines[1]).toMatch(/^ {8}\S/);
    expect(lines[4]).toMatch(/^ {10}\S/);
  });

  it('keeps its colours, folded at the same places', () => {
    expect(folded(true).map((line) => stripAnsi(line))).toEqual(folded(false));
  });
});

describe('fold', () => {
  it('counts only visible characters, not colour codes', () => {
    const bold = painter(true)('bold', 'aaaa');
    expect(stripAnsi(fold(`${bold} bbbb cccc`, 9))).toBe('aaaa bbbb\ncccc');
  });
});

describe('columns of wide and combining characters', () => {
  it('underlines a heading by the columns it takes, not by its code points', () => {
    expect(renderMarkdown('# 漢字 🎵', { width: 80, colour: false })).toContain('漢字 🎵\n═══════\n');
    expect(renderMarkdown('## कुछ', { width: 80, colour: false })).toContain('कुछ\n──\n');
  });

  it('wraps by columns, so a line of emoji or CJK stays within the width', () => {
    expect(fold('🎵🎵🎵 漢字漢字 ab', 10)).toBe('🎵🎵🎵\n漢字漢字\nab');
  });

  it('lines up table columns after a cell with an emoji', () => {
    const table = renderMarkdown('| a | b |\n| - | - |\n| 🎵 | x |\n| yy | z |\n', { width: 80, colour: false });
    expect(table.split('\n').slice(2, 4)).toEqual(['🎵  x', 'yy  z']);
  });
});

describe('parseHints', () => {
  it('splits a hints file into its "## Hint N" sections, in order', () => {
    const hints = parseHints('Intro\n\n## Hint 2\n\nSecond.\n\n## Hint 1\n\nFirst **one**.\n');
    expect(hints).toEqual([
      { number: 1, markdown: 'First **one**.' },
      { number: 2, markdown: 'Second.' },
    ]);
  });
});

describe('the solution diff', () => {
  it('marks your lines with - and the solution lines with +, keeping the common ones', () => {
    const text = formatDiff(lineEdits(['a', 'b', 'c'], ['a', 'B', 'c']), painter(false));
    expect(text).toBe('  a\n- b\n+ B\n  c');
  });
});
