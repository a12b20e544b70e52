// One way for every browser test to get a browser: a Chrome, Chromium or Edge
// installed on this computer if one starts, else the Chromium that came with
// `npm install`. Headless, with a fresh profile, quiet on a closed network.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { bundledChromium, bundledChromiumMissing, type InBothLanguages } from './bundled-chromium.ts';
import { systemBrowsers } from './system-browsers.ts';

/** A running headless browser, which executable it is and where that came from. */
export interface LaunchedBrowser {
  browser: Browser;
  executable: string;
  source: 'system' | 'bundled';
  /** Closes the browser. */
  close(): Promise<void>;
}

// Playwright already passes most of these (and --no-sandbox, and a fresh
// --user-data-dir); they are spelled out because on a closed network a browser
// that calls home at start-up is refused over and over, and starts slowly.
const FLAGS = [
  '--disable-gpu', // test machines have none; software drawing is enough for a screenshot
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const LAUNCH_TIMEOUT_MS = 30_000;

/** Which browsers launchBrowser may try; the defaults suit every caller but the tests of launchBrowser itself. */
interface LaunchChoices {
  /** Installed browsers to try first (default: CHROME_PATH, then the usual install places). */
  installed?: string[];
  /** Whether the Chromium from npm install may be used when no installed browser starts (default: true). */
  bundled?: boolean;
}

/** Why no browser started: what was tried and what to try, in English (the message) and in Hinglish. */
export class NoBrowser extends Error {
  constructor(
    english: string,
    readonly hinglish: string,
  ) {
    super(english);
    this.name = 'NoBrowser';
  }
}

/** Starts a headless Chromium: the system's when one starts, else the bundled one; throws NoBrowser when none does. */
export async function launchBrowser(choices: LaunchChoices = {}): Promise<LaunchedBrowser> {
  // Each thing tried, in both languages; a browser's own reason stays as it said it.
  const failures: InBothLanguages[] = [];
  for (const executable of choices.installed ?? systemBrowsers()) {
    // Checked here: Playwright leaves two empty temp folders behind for every launch that fails.
    if (!existsSync(executable)) {
      failures.push({ english: `${executable} does not exist.`, hinglish: `${executable} maujood nahi hai.` });
      continue;
    }
    try {
      const browser = await start(executable);
      return { browser, executable, source: 'system', close: () => browser.close() };
    } catch (error) {
      failures.push({
        english: `${executable} did not start: ${reason(error)}`,
        hinglish: `${executable} start nahi hua: ${reason(error)}`,
      });
    }
  }
  const missing =
    choices.bundled === false
      ? {
          english: 'The Chromium from npm install was not allowed.',
          hinglish: 'npm install waale Chromium ki ijaazat nahi thi.',
        }
      : bundledChromiumMissing();
  if (missing) throw noBrowser([...failures, missing]);
  try {
    return await startBundled();
  } catch (error) {
    throw noBrowser([
      ...failures,
      {
        english: `The Chromium that came with npm install did not start: ${reason(error)}`,
        hinglish: `npm install ke saath aaya Chromium start nahi hua: ${reason(error)}`,
      },
    ]);
  }
}

async function startBundled(): Promise<LaunchedBrowser> {
  const executable = await bundledChromium();
  const browser = await start(executable);
  return { browser, executable, source: 'bundled', close: () => browser.close() };
}

function start(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    // The sandbox needs kernel features many Linux setups (and root) do not allow; tests load only local pages.
    chromiumSandbox: false,
    args: FLAGS,
    timeout: LAUNCH_TIMEOUT_MS,
  });
}

// Playwright's errors carry a long call log; keep the first line, and the line
// naming a missing system library when there is one, since that is the fix.
function reason(error: unknown): string {
  const lines = String((error as Error)?.message ?? error).split('\n');
  const library = lines.find((line) => line.includes('error while loading shared libraries'));
  return [lines[0], library?.trim()].filter(Boolean).join(' ');
}

function noBrowser(failures: InBothLanguages[]): NoBrowser {
  const list = (language: keyof InBothLanguages) => failures.map((failure) => `  - ${failure[language]}`);
  return new NoBrowser(
    [
      'No browser could be started for the browser tests. What was tried:',
      ...list('english'),
      'What to try: run `npm install` again (on Linux x64 it brings its own Chromium),',
      'or install Google Chrome or Chromium, or set CHROME_PATH to the Chrome or Chromium you have.',
    ].join('\n'),
    [
      'Browser tests ke liye koi browser start nahi ho saka. Yeh sab try kiya gaya:',
      ...list('hinglish'),
      'Aap yeh try kar sakte hain: `npm install` dobara chalaiye (Linux x64 par woh apna Chromium saath laata hai),',
      'ya Google Chrome ya Chromium install kijiye, ya CHROME_PATH mein apne Chrome ya Chromium ka path dijiye.',
    ].join('\n'),
  );
}
