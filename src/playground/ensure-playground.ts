// Runs after `npm install`: gives a fresh clone its ready-to-edit playground/ copies.
import { ensurePlayground } from './exercise-copies.ts';

for (const problem of await ensurePlayground()) console.error(`Lesson ${problem.lesson.number}: ${problem.message}`);
