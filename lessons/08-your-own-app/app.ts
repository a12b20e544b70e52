// Lesson 08's app is the learner's own server.ts: the runner starts it as a process of its own
// (src/apps/own-server.ts), so there is no app to build here, only the requests worth trying.
import type { TryItRequest } from '../shared/try-it.ts';
import { tryIt as songsAppRequests } from '../07-songs-app/app.ts';

/** The same requests as lesson 07's app: yours answers the same API. */
export function tryIt(baseUrl: string): TryItRequest[] {
  return songsAppRequests(baseUrl);
}
