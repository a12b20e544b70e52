// The check as a lesson's test file sees it (tests/support/use-lesson.ts), from inside its
// test worker: the database the check made for it, the word "go" (in watch mode, the
// learner's save), and the loading of the learner's code marked for the stuck-code watch.
// Outside a check (a plain `npx vitest`) there is no check: no services, and go at once.
export { goFromCheck, servicesFromCheck, waitingForGo } from './worker/channel-client.ts';
export { loadingStarts, phaseEnds } from './worker/check-setup.ts';
