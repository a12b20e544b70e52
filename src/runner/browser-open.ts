// `npm run lesson -- run N --open`: the app's page in the system's browser, the way each system
// opens a link (open on macOS, start on Windows, xdg-open elsewhere). Where that cannot work
// (no graphical display, no opener), one line says so and gives the address to open by hand.
import { spawn } from 'node:child_process';
import type { Language } from '../progress/progress-store.ts';
import { findOnPath } from './editor-choice.ts';

const words = {
  en: {
    opening: (url: string) => `Opening ${url} in your browser…`,
    cannot: (url: string, why: string) => `Could not open a browser here (${why}): open ${url} yourself.`,
    noDisplay: 'no graphical display',
    noOpener: (opener: string) => `${opener} was not found`,
    failed: (opener: string) => `${opener} failed`,
  },
  hinglish: {
    opening: (url: string) => `${url} aapke browser mein khul raha hai…`,
    cannot: (url: string, why: string) => `Yahan browser nahi khul paaya (${why}): ${url} khud kholiye.`,
    noDisplay: 'koi graphical display nahi hai',
    noOpener: (opener: string) => `${opener} nahi mila`,
    failed: (opener: string) => `${opener} fail ho gaya`,
  },
};

/** The command that opens `url` in the browser on `platform`, and its arguments. */
function opener(url: string, platform: NodeJS.Platform): { command: string; args: string[] } {
  if (platform === 'darwin') return { command: 'open', args: [url] };
  // start is a command of cmd itself; the empty "" is the window's title.
  if (platform === 'win32') return { command: 'cmd', args: ['/c', 'start', '', url.replace(/&/g, '^&')] };
  return { command: 'xdg-open', args: [url] };
}

/** Opens `url` in the system's browser, saying what happens through `say`; never throws. */
export function openInBrowser(
  url: string,
  language: Language,
  say: (line: string) => void,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): void {
  const said = words[language];
  const { command, args } = opener(url, platform);
  const problem =
    platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY
      ? said.noDisplay
      : platform !== 'win32' && !findOnPath(command, env, platform)
        ? said.noOpener(command)
        : undefined;
  if (problem) {
    say(said.cannot(url, problem));
    return;
  }
  say(said.opening(url));
  const child = spawn(command, args, { stdio: 'ignore', detached: platform !== 'win32', env, windowsHide: true });
  child.once('error', () => say(said.cannot(url, said.failed(command))));
  child.once('exit', (code) => {
    if (code) say(said.cannot(url, said.failed(command)));
  });
  child.unref();
}
