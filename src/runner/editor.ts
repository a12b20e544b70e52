// Opens an exercise file for the learner: $VISUAL or $EDITOR (waiting while a terminal
// editor runs), else VS Code when `code` is on PATH, else just the path to open by hand.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The first executable called `name` on PATH, if any. */
function findOnPath(name: string): string | undefined {
  const extensions = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
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

function shellQuote(text: string): string {
  return process.platform === 'win32' ? `"${text}"` : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Opens `file` and returns one line telling the learner what happened. */
export function openInEditor(file: string): string {
  const editor = process.env.VISUAL?.trim() || process.env.EDITOR?.trim();
  if (editor) {
    // The variable may carry arguments ("code --wait", "emacs -nw"), so the shell splits it.
    const result = spawnSync(`${editor} ${shellQuote(file)}`, { shell: true, stdio: 'inherit' });
    if (result.error || result.status !== 0) {
      return `Your editor ("${editor}") did not open cleanly. Open this file yourself: ${file}`;
    }
    return `Back from ${editor}. Saved? Now check your solution.`;
  }
  const code = findOnPath('code');
  if (code) {
    const child = spawn(code, [file], { stdio: 'ignore', detached: true, shell: process.platform === 'win32' });
    child.on('error', () => {});
    child.unref();
    return `Opened in VS Code. Edit, save, then check your solution (or watch it).`;
  }
  return `Open this file in your editor: ${file}\n(Set $EDITOR, or install VS Code's \`code\` command, and the runner opens it for you.)`;
}
