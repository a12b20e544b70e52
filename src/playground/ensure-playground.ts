// Runs after `npm install`: gives a fresh clone its ready-to-edit playground/ copies.
import { ensurePlayground } from './exercise-copies.ts';

await ensurePlayground();
