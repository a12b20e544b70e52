// Lesson 08's app is the learner's own server.ts: the runner starts it as a process of its own
// (src/apps/own-server.ts), so there is no app to build here, only the requests worth trying.
import type { TryItRequest } from '../shared/try-it.ts';
import { tryIt as songsAppRequests } from '../07-songs-app/app.ts';

/**
 * Lesson 07's requests: yours answers the same API. All but its last, a file in the wrong form
 * field, whose answer there names the field: here it is multer's own message, as the lesson asks.
 */
export function tryIt(baseUrl: string): TryItRequest[] {
  return songsAppRequests(baseUrl).slice(0, -1);
}
