// A vitest setup file for checks: before each test, writes which test is about to run
// to a small file in PLAYGROUND_CHECK_MARKS (one per project). A test stuck in an
// endless loop blocks its worker before vitest can tell anyone, but this note is
// already on disk when the check kills everything at its time limit.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach } from 'vitest';

const folder = process.env.PLAYGROUND_CHECK_MARKS;

if (folder) {
  beforeEach(({ task }) => {
    const describes: string[] = [];
    for (let suite = task.suite; suite && suite !== task.file; suite = suite.suite) describes.unshift(suite.name);
    const project = task.file.projectName ?? '';
    writeFileSync(
      path.join(folder, encodeURIComponent(project)),
      JSON.stringify({ path: describes, title: task.name }),
    );
  });
}
