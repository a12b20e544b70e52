// `npm run digests`: records the digests of the lessons' test files and tests/support/ in
// tests/judge-digests.json, after an engine developer changed one on purpose. Checks trust no
// other copy of the tests, and `npm test` fails until the digests are recorded.
import { recordJudgeDigests } from '../check/index.ts';

recordJudgeDigests();
console.log('Recorded the digests of the tests in tests/judge-digests.json.');
