// Which editor opens the learner's files: $VISUAL or $EDITOR when set; else the first editor
// with a window found on PATH (VS Code first, then the other editors learners have); else
// nano, a terminal editor a beginner can leave; else none (the runner prints the path).
// vi is never started unasked: a beginner who lands in it may not know how to leave.
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import type { Language } from '../progress/progress-store.ts';

/** How a terminal editor is left, in both languages; said in one line before it starts. */
export type LeaveLine = Record<Language, string>;

export interface EditorChoice {
  /** 'variable': $VISUAL or $EDITOR, run through the shell and waited for. */
  kind: 'variable' | 'window' | 'terminal';
  /** The editor's name for the learner: "VS Code", "nano", or the variable's value. */
  name: string;
  /** The executable (or, for 'variable', the command line to run through the shell). */
  command: string;
  /** Arguments before the files (macOS's `open -t`). */
  before?: string[];
  /** It takes several files at once (Notepad takes one). */
  manyFiles: boolean;
  /** How to leave it, for editors that take over the terminal. */
  leave?: LeaveLine;
  /** Arguments that make the editor itself show how to leave it, once it covers the line said before. */
  showing?: (language: Language) => string[];
}

interface KnownEditor {
  command: string;
  name: string;
  /** Needs a graphical display on Linux. */
  window: boolean;
  manyFiles?: boolean;
  platforms?: NodeJS.Platform[];
}

// In the order they are tried when neither VISUAL nor EDITOR is set.
const windowEditors: KnownEditor[] = [
  { command: 'code', name: 'VS Code', window: true },
  { command: 'cursor', name: 'Cursor', window: true },
  { command: 'codium', name: 'VSCodium', window: true },
  { command: 'code-insiders', name: 'VS Code Insiders', window: true },
  { command: 'subl', name: 'Sublime Text', window: true },
  { command: 'zed', name: 'Zed', window: true },
  { command: 'gnome-text-editor', name: 'Text Editor', window: true, platforms: ['linux'] },
  { command: 'gedit', name: 'gedit', window: true, platforms: ['linux'] },
  { command: 'kate', name: 'Kate', window: true, platforms: ['linux'] },
  { command: 'xed', name: 'xed', window: true, platforms: ['linux'] },
  { command: 'mousepad', name: 'Mousepad', window: true, platforms: ['linux'] },
  { command: 'notepad++', name: 'Notepad++', window: true, platforms: ['win32'] },
  { command: 'notepad', name: 'Notepad', window: true, manyFiles: false, platforms: ['win32'] },
];

// :wqa, not :wq: with two files open, vim refuses :wq ("E173: 1 more file to edit").
const vimLike: LeaveLine = {
  en: 'To leave it: press Esc, then type :wqa and press Enter (that saves every file, then quits).',
  hinglish: 'Bahar nikalne ke liye: Esc dabaiye, phir :wqa likhiye aur Enter dabaiye (saari files save karke bahar).',
};

// vi, vim and nvim run `-c command` after loading the files: echomsg puts the way out on their
// status line (after a redraw, so it is the only message), as they cover the line said before.
// Short: vim shows a message without "Press ENTER" first only left of its showcmd (11 columns)
// and ruler (18) columns, which leaves 51 of 80 (tried at 80x24: 52 characters ask for Enter).
const echoesWithC = new Set(['vi', 'vim', 'nvim', 'vim.basic', 'vim.tiny']);
const vimStatusLine: LeaveLine = {
  en: 'To leave: Esc, then :wqa and Enter (saves all)',
  hinglish: 'Bahar nikaliye: Esc, phir :wqa, Enter (sab save)',
};
const vimEcho = (language: Language) => ['-c', `redraw|echomsg "${vimStatusLine[language]}"`];

/** How to leave the terminal editors a learner may have in $EDITOR, by command name. */
const leaveLines: Record<string, LeaveLine> = {
  nano: {
    en: 'To leave it: Ctrl-X; when it asks to save, press Y, then Enter.',
    hinglish: 'Bahar nikalne ke liye: Ctrl-X; save ka pooche toh Y dabaiye, phir Enter.',
  },
  micro: {
    en: 'To leave it: Ctrl-S saves, Ctrl-Q quits.',
    hinglish: 'Bahar nikalne ke liye: Ctrl-S se save, Ctrl-Q se bahar.',
  },
  vim: vimLike,
  emacs: {
    en: 'To leave it: Ctrl-X Ctrl-S saves, Ctrl-X Ctrl-C quits.',
    hinglish: 'Bahar nikalne ke liye: Ctrl-X Ctrl-S se save, Ctrl-X Ctrl-C se bahar.',
  },
  joe: {
    en: 'To leave it: Ctrl-K then X saves and quits.',
    hinglish: 'Bahar nikalne ke liye: Ctrl-K phir X (save karke bahar).',
  },
  mcedit: { en: 'To leave it: F2 saves, F10 quits.', hinglish: 'Bahar nikalne ke liye: F2 se save, F10 se bahar.' },
};
const sameAs: Record<string, string> = {
  pico: 'nano',
  rnano: 'nano',
  vi: 'vim',
  nvim: 'vim',
  'vim.basic': 'vim',
  'vim.tiny': 'vim',
  hx: 'vim',
  helix: 'vim',
  kak: 'vim',
  emacsclient: 'emacs',
  jmacs: 'joe',
  jpico: 'joe',
};

/** A line for an editor from $EDITOR the runner does not know: it may take over the terminal too. */
const unknownLeave = (name: string): LeaveLine => ({
  en: `When you are done in ${name}, save and quit it to come back here.`,
  hinglish: `${name} mein kaam ho jaaye toh save karke use band kijiye, phir aap yahan wapas aa jaayenge.`,
});

/** The editors that show a window of their own: no line about leaving is needed for them. */
const windowNames = new Set([
  ...windowEditors.map((editor) => editor.command),
  'mate',
  'atom',
  'open',
  'gvim',
  'xdg-open',
]);

/** The first executable called `name` on `env.PATH`, if any. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | undefined {
  const extensions = platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  for (const dir of (env.PATH ?? env.Path ?? '').split(platform === 'win32' ? ';' : path.delimiter)) {
    if (!dir) continue;
    for (const extension of extensions) {
      const candidate = path.join(dir, name + extension);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not here: keep looking.
      }
    }
  }
  return undefined;
}

/** Whether an editor with a window can show one here: Linux needs a display (VS Code's own terminal has one of its kind). */
function canShowWindow(editor: KnownEditor, env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform !== 'linux') return true;
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return true;
  const vscodeFamily = ['code', 'cursor', 'codium', 'code-insiders'].includes(editor.command);
  return vscodeFamily && (env.TERM_PROGRAM === 'vscode' || Boolean(env.VSCODE_IPC_HOOK_CLI));
}

/** The program a variable names, without folder or extension ("/usr/bin/vim -p" → "vim"). */
function programOf(commandLine: string): string {
  const first = commandLine.trim().split(/\s+/)[0] ?? '';
  return path.basename(first).replace(/\.(exe|cmd)$/i, '');
}

/** How to leave the editor a variable names ("vim", "emacs -nw", "/usr/bin/nano"); undefined for an editor with a window. */
function leaveLineFor(commandLine: string): LeaveLine | undefined {
  const base = programOf(commandLine);
  const known = leaveLines[sameAs[base] ?? base];
  if (known) return known;
  return windowNames.has(base) ? undefined : unknownLeave(base);
}

/** The editor to open files with on this machine; undefined when there is none to start. */
export function chooseEditor(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): EditorChoice | undefined {
  const variable = env.VISUAL?.trim() || env.EDITOR?.trim();
  if (variable)
    return {
      kind: 'variable',
      name: variable,
      command: variable,
      manyFiles: true,
      leave: leaveLineFor(variable),
      showing: echoesWithC.has(programOf(variable)) ? vimEcho : undefined,
    };
  for (const editor of windowEditors) {
    if (editor.platforms && !editor.platforms.includes(platform)) continue;
    const found = findOnPath(editor.command, env, platform);
    if (found && canShowWindow(editor, env, platform))
      return { kind: 'window', name: editor.name, command: found, manyFiles: editor.manyFiles ?? true };
  }
  // macOS always has a text editor with a window: `open -t` opens the default one (TextEdit).
  if (platform === 'darwin')
    return { kind: 'window', name: 'TextEdit', command: '/usr/bin/open', before: ['-t'], manyFiles: true };
  const nano = findOnPath('nano', env, platform);
  if (nano) return { kind: 'terminal', name: 'nano', command: nano, manyFiles: true, leave: leaveLines.nano };
  return undefined;
}
