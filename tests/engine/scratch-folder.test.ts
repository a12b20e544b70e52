// A scratch folder goes, whatever learner code left in it: here a tree 2,000 folders deep, which
// Node 20's recursive rmSync cannot remove (its stack overflows), and which then broke every later check.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, it } from 'vitest';
import { makeScratchFolder } from '../../src/processes/scratch-folder.ts';

it('removes a scratch folder holding a tree 2,000 folders deep', () => {
  const scratch = makeScratchFolder();
  // Made a level at a time from inside, as code can: the full path is longer than the system takes at once.
  const makeTree = `const fs = require('node:fs'); process.chdir(process.argv[1]);
    for (let i = 0; i < 2000; i++) { fs.mkdirSync('d'); process.chdir('d'); } fs.writeFileSync('deepest.txt', 'x');`;
  execFileSync(process.execPath, ['-e', makeTree, scratch.path]);
  expect(() => scratch.remove()).not.toThrow();
  expect(existsSync(scratch.path), 'the scratch folder is still there').toBe(false);
});
