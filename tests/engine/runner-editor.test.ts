// Which editor "Open the file to edit" starts, on a PATH made for each test with pretend
// editors in it: $VISUAL or $EDITOR first, then the editors with a window learners have
// (VS Code first), then nano; never vi unasked, never a terminal editor without one line
// saying how to leave it, and with no editor at all the file's full path and how to set EDITOR.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chooseEditor } from '../../src/runner/editor-choice.ts';
import { openInEditor } from '../../src/runner/editor.ts';

const folder = mkdtempSync(path.join(os.tmpdir(), 'runner-editor-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let count = 0;

/** A folder for PATH holding executables named `names`; each writes its arguments into `<name>.ran`. */
function pathWith(...names: string[]): string {
  const bin = path.join(folder, `bin-${++count}`);
  mkdirSync(bin);
  for (const name of names) {
    const file = path.join(bin, name);
    writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" > '${file}.ran'\n`);
    chmodSync(file, 0o755);
  }
  return bin;
}

const linuxDesktop = (bin: string) => ({ PATH: bin, DISPLAY: ':0' });

describe('without VISUAL or EDITOR', () => {
  it('picks VS Code first, then the other editors with a window', () => {
    expect(chooseEditor(linuxDesktop(pathWith('nano', 'gedit', 'subl', 'code')), 'linux')?.name).toBe('VS Code');
    expect(chooseEditor(linuxDesktop(pathWith('nano', 'gedit', 'cursor')), 'linux')?.name).toBe('Cursor');
    expect(chooseEditor(linuxDesktop(pathWith('nano', 'gedit', 'codium')), 'linux')?.name).toBe('VSCodium');
    expect(chooseEditor(linuxDesktop(pathWith('nano', 'gedit', 'subl')), 'linux')?.name).toBe('Sublime Text');
    expect(chooseEditor(linuxDesktop(pathWith('vi', 'nano', 'gedit')), 'linux')).toMatchObject({
      name: 'gedit',
      kind: 'window',
    });
  });

  it('takes nano, with how to leave it, where no window can open (Linux without a display)', () => {
    const editor = chooseEditor({ PATH: pathWith('vim', 'gedit', 'nano') }, 'linux');
    expect(editor).toMatchObject({ name: 'nano', kind: 'terminal' });
    expect(editor?.leave?.en).toContain('Ctrl-X');
    expect(editor?.leave?.hinglish).toContain('Ctrl-X');
  });

  it("takes VS Code without a display inside VS Code's own terminal", () => {
    const bin = pathWith('code', 'nano');
    expect(chooseEditor({ PATH: bin, TERM_PROGRAM: 'vscode' }, 'linux')?.name).toBe('VS Code');
  });

  it('never starts vi or vim unasked: with nothing else, there is no editor', () => {
    expect(chooseEditor({ PATH: pathWith('vi', 'vim') }, 'linux')).toBeUndefined();
  });

  it('takes Notepad on Windows, one file at a time', () => {
    const bin = pathWith('notepad.exe');
    expect(chooseEditor({ PATH: bin }, 'win32')).toMatchObject({ name: 'Notepad', manyFiles: false });
  });
});

describe('with VISUAL or EDITOR', () => {
  it('uses it, VISUAL first, and knows how to leave the terminal editors among them', () => {
    const bin = pathWith('code', 'nano');
    expect(chooseEditor({ PATH: bin, DISPLAY: ':0', VISUAL: 'emacs -nw', EDITOR: 'nano' }, 'linux')).toMatchObject({
      kind: 'variable',
      name: 'emacs -nw',
    });
    const leave = (editor: string) => chooseEditor({ PATH: bin, EDITOR: editor }, 'linux')?.leave?.en;
    // :wqa: with two files open, vim refuses :wq ("E173: 1 more file to edit").
    expect(leave('vim')).toBe(
      'To leave it: press Esc, then type :wqa and press Enter (that saves every file, then quits).',
    );
    expect(leave('/usr/bin/vi')).toContain(':wqa');
    expect(leave('nvim')).toContain(':wqa');
    expect(leave('nano -l')).toContain('Ctrl-X');
    expect(leave('code --wait')).toBeUndefined();
    expect(leave('my-own-editor')).toBe('When you are done in my-own-editor, save and quit it to come back here.');
  });
});

describe('openInEditor', () => {
  const file = path.join(folder, 'song.schema.ts');
  writeFileSync(file, '// the exercise\n');

  it('says how to leave a terminal editor before it starts, then waits for it', () => {
    const bin = pathWith('nano');
    const said: { line: string; nanoHadRun: boolean }[] = [];
    const result = openInEditor([file], {
      language: 'en',
      say: (line) => said.push({ line, nanoHadRun: existsSync(path.join(bin, 'nano.ran')) }),
      env: { PATH: bin },
      platform: 'linux',
    });
    expect(said).toEqual([
      {
        line: 'Opening song.schema.ts in nano. To leave it: Ctrl-X; when it asks to save, press Y, then Enter.',
        nanoHadRun: false,
      },
    ]);
    expect(readFileSync(path.join(bin, 'nano.ran'), 'utf8')).toBe(`${file}\n`);
    expect(result).toBe('Back from nano. Saved? Now check your solution.');
  });

  it('says it in Hinglish too', () => {
    const said: string[] = [];
    openInEditor([file], {
      language: 'hinglish',
      say: (line) => said.push(line),
      env: { PATH: pathWith('nano') },
      platform: 'linux',
    });
    expect(said).toEqual([
      'nano mein khul raha hai: song.schema.ts. Bahar nikalne ke liye: Ctrl-X; save ka pooche toh Y dabaiye, phir Enter.',
    ]);
  });

  it("keeps vi's way out short enough for an 80-column vim to show it without asking for Enter", () => {
    // Left of vim's showcmd and ruler columns at 80 (measured in a pseudo-terminal: 52 ask for Enter).
    const vimMessageRoom = 51;
    const chosen = chooseEditor({ EDITOR: 'vi' }, 'linux');
    for (const language of ['en', 'hinglish'] as const) {
      const echoed = /echomsg "(.*)"$/.exec(chosen?.showing?.(language)[1] ?? '')?.[1] ?? '';
      expect(echoed.length, echoed).toBeGreaterThan(0);
      expect(echoed.length, echoed).toBeLessThanOrEqual(vimMessageRoom);
    }
  });

  it('has vi show the way out on its own status line, which covers the line said before it', () => {
    const bin = pathWith('vi');
    const second = path.join(folder, 'song.model.ts');
    const said: string[] = [];
    openInEditor([file, second], {
      language: 'en',
      say: (line) => said.push(line),
      env: { PATH: bin, EDITOR: 'vi' },
      platform: 'linux',
    });
    expect(said).toEqual([
      'Opening song.schema.ts, song.model.ts in vi. To leave it: press Esc, then type :wqa and press Enter (that saves every file, then quits).',
    ]);
    expect(readFileSync(path.join(bin, 'vi.ran'), 'utf8').split('\n')).toEqual([
      '-c',
      'redraw|echomsg "To leave: Esc, then :wqa and Enter (saves all)"',
      file,
      second,
      '',
    ]);
  });

  it('with no editor, gives the full path and how to set EDITOR', () => {
    const result = openInEditor([file], {
      language: 'en',
      say: () => {},
      env: { PATH: pathWith() },
      platform: 'linux',
    });
    expect(result).toContain(`Open this file in your editor:\n  ${file}\n`);
    expect(result).toContain('export EDITOR="code --wait"');
  });

  it('says so when the editor from EDITOR fails', () => {
    const bin = pathWith();
    writeFileSync(path.join(bin, 'broken-editor'), '#!/bin/sh\nexit 3\n');
    chmodSync(path.join(bin, 'broken-editor'), 0o755);
    const result = openInEditor([file], {
      language: 'en',
      say: () => {},
      env: { PATH: bin, EDITOR: path.join(bin, 'broken-editor') },
      platform: 'linux',
    });
    expect(result).toContain('did not open cleanly. Open the file yourself:');
  });
});
