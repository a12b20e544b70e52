// `npm run sandbox`: runs playground/sandbox.ts, the learner's free file, with the database
// and the storage already started. The file runs in a child process (sandbox-child.ts), so
// Ctrl-C always works and leaves nothing running, even if the code loops forever; a server
// the file starts keeps serving until Ctrl-C.
import { fileURLToPath } from 'node:url';
import { loadProgress } from '../progress/progress-store.ts';
import { runInChildGroup } from '../runner/child-group.ts';
import { takeCharge } from '../processes/take-charge.ts';

takeCharge();

const entry = fileURLToPath(new URL('./sandbox-child.ts', import.meta.url));
const language = loadProgress().progress.language ?? 'en';
const { code } = await runInChildGroup(entry, [], { enterStops: false, language });
process.exit(code);
