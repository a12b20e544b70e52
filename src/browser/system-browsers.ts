// Chrome, Chromium or Edge already installed on the learner's computer: no
// unpacking, and the version the learner's own system keeps up to date.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Where Chromium-family browsers are installed by default, for this operating system. */
function knownPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(
      (root): root is string => !!root,
    );
    return [
      ...roots.map((root) => join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge',
  ];
}

/** Browsers installed on this computer, best first: CHROME_PATH if set, then the usual install places. */
export function systemBrowsers(platform = process.platform, env = process.env): string[] {
  // CHROME_PATH is the variable other Chrome tools (chrome-launcher, Lighthouse) read too.
  const chosen = env.CHROME_PATH ? [env.CHROME_PATH] : [];
  return [...new Set([...chosen, ...knownPaths(platform, env).filter((path) => existsSync(path))])];
}
