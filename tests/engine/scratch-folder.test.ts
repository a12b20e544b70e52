// A scratch folder goes, whatever learner code left in it: here a tree 2,000 folders deep, which
// Node 20's recursive rmSync cannot remove (its stack overflows), and which then broke every later check.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import { projectRoot } from '../../src/lessons/catalog.ts';
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

// Root may write in any folder: the learner is no root, so the scratch folder's owner is somebody else.
it.runIf(process.platform === 'linux' && process.getuid?.() === 0)(
  'removes a scratch folder holding a folder its code made read-only, and a file named with bytes that are no UTF-8',
  () => {
    // Linux's own /tmp, which every user reaches: the run's TMPDIR may sit in a folder only root enters.
    const temp = mkdtempSync('/tmp/scratch-owner-');
    chmodSync(temp, 0o777);
    const leaveAndRemove = `import { mkdirSync, writeFileSync, chmodSync } from 'node:fs';
      import { makeScratchFolder } from './src/processes/scratch-folder.ts';
      const scratch = makeScratchFolder();
      mkdirSync(scratch.path + '/locked');
      writeFileSync(scratch.path + '/locked/inside.txt', 'x');
      writeFileSync(Buffer.concat([Buffer.from(scratch.path + '/odd'), Buffer.from([0xff, 0xfe])]), 'x');
      chmodSync(scratch.path + '/locked', 0o555);
      scratch.remove();`;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', leaveAndRemove], {
        cwd: projectRoot,
        env: { ...process.env, TMPDIR: temp },
        uid: 65534,
        gid: 65534,
      });
      expect(readdirSync(temp).filter((name) => name.startsWith('playground-'))).toEqual([]);
    } finally {
      execFileSync('chmod', ['-R', 'u+rwx', temp]);
      rmSync(temp, { recursive: true, force: true });
    }
  },
);
