// Opens the learner's exercise files in an editor (editor-choice.ts says which), waiting while
// a terminal editor runs and saying first how to leave it; with no editor to start, it prints
// the full paths and how to set EDITOR, so the next time they open by themselves.
import { spawn, spawnSync } from 'node:child_process';
import type { Language } from '../progress/progress-store.ts';
import { chooseEditor, type EditorChoice } from './editor-choice.ts';

interface OpenOptions {
  language: Language;
  /** Prints a line before the editor starts (how to leave a terminal editor). */
  say: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const words = {
  en: {
    opening: (files: string, name: string) => `Opening ${files} in ${name}.`,
    opened: (files: string, name: string) =>
      `Opened ${files} in ${name}. Edit, save, then check your solution (or watch it).`,
    back: (name: string) => `Back from ${name}. Saved? Now check your solution.`,
    failed: (name: string, paths: string) =>
      `Your editor ("${name}") did not open cleanly. Open the file yourself:\n${paths}`,
    none: (count: number, paths: string, setting: string) =>
      `No editor was found to open ${count === 1 ? 'it' : 'them'} for you. Open ${count === 1 ? 'this file' : 'these files'} in your editor:\n${paths}\n` +
      `To have the runner open your files next time, set EDITOR, for example:\n${setting}`,
    keep: 'Put the line in ~/.bashrc (or ~/.zshrc) to keep it.',
    simple: 'a simple editor in the terminal',
  },
  hinglish: {
    opening: (files: string, name: string) => `${name} mein khul raha hai: ${files}.`,
    opened: (files: string, name: string) =>
      `${name} mein khul gaya: ${files}. Edit karke save kijiye, phir solution check kijiye (ya watch kijiye).`,
    back: (name: string) => `${name} se wapas. Save kiya? Ab solution check kijiye.`,
    failed: (name: string, paths: string) =>
      `Aapka editor ("${name}") theek se nahi khula. File khud kholiye:\n${paths}`,
    none: (count: number, paths: string, setting: string) =>
      `Aapke liye ${count === 1 ? 'file' : 'files'} kholne ko koi editor nahi mila. ${count === 1 ? 'Yeh file' : 'Yeh files'} apne editor mein kholiye:\n${paths}\n` +
      `Agli baar runner khud khole, iske liye EDITOR set kijiye, jaise:\n${setting}`,
    keep: 'Hamesha ke liye yeh line ~/.bashrc (ya ~/.zshrc) mein daal dijiye.',
    simple: 'terminal ka ek simple editor',
  },
};

/** How to set EDITOR on this platform, with VS Code and a simpler editor as examples, one a line. */
function settingEditor(platform: NodeJS.Platform, said: (typeof words)['en']): string {
  if (platform === 'win32')
    return ['  $env:EDITOR = "code --wait"   (PowerShell: VS Code)', '  $env:EDITOR = "notepad"'].join('\n');
  return [
    '  export EDITOR="code --wait"   (VS Code)',
    `  export EDITOR=nano            (${said.simple})`,
    said.keep,
  ].join('\n');
}

function shellQuote(text: string, platform: NodeJS.Platform): string {
  return platform === 'win32' ? `"${text}"` : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Starts an editor with a window of its own and does not wait for it. */
function startWindowEditor(editor: EditorChoice, files: string[], platform: NodeJS.Platform): void {
  const batches = editor.manyFiles ? [files] : files.map((file) => [file]);
  for (const batch of batches) {
    const args = [...(editor.before ?? []), ...batch];
    // Windows starts .cmd files (code.cmd) only through the shell.
    const child =
      platform === 'win32'
        ? spawn(
            shellQuote(editor.command, platform),
            args.map((arg) => shellQuote(arg, platform)),
            {
              stdio: 'ignore',
              detached: true,
              shell: true,
            },
          )
        : spawn(editor.command, args, { stdio: 'ignore', detached: true });
    child.on('error', () => {});
    child.unref();
  }
}

/**
 * Opens `files` (full paths) for the learner; returns one line telling what happened. A
 * terminal editor is announced through `say`, with how to leave it, before it starts.
 */
export function openInEditor(files: string[], options: OpenOptions): string {
  const { language, say } = options;
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const said = words[language];
  const names = files.map((file) => file.split(/[\\/]/).pop()).join(', ');
  const paths = files.map((file) => `  ${file}`).join('\n');
  const editor = chooseEditor(env, platform);
  if (!editor) return said.none(files.length, paths, settingEditor(platform, said));
  if (editor.kind === 'window') {
    startWindowEditor(editor, files, platform);
    return said.opened(names, editor.name);
  }
  const leave = editor.leave?.[language];
  if (leave) say(`${said.opening(names, editor.name)} ${leave}`);
  // The editor covers that line: where it can, it shows the way out itself.
  const args = [...(editor.showing?.(language) ?? []), ...files];
  // The variable may carry arguments ("code --wait", "emacs -nw"), so the shell splits it.
  const result =
    editor.kind === 'variable'
      ? spawnSync(`${editor.command} ${args.map((arg) => shellQuote(arg, platform)).join(' ')}`, {
          shell: true,
          stdio: 'inherit',
          env,
        })
      : spawnSync(editor.command, args, { stdio: 'inherit', env });
  if (result.error || result.status !== 0) return said.failed(editor.name, paths);
  return said.back(editor.name);
}
