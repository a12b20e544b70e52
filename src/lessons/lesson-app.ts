// The shape every lessons/<slug>/app.ts has, so the runner can start any lesson's app.
// The engine imports the lesson apps, never the reverse: an app imports nothing from src/.
import type { Express } from 'express';
import type { TryItRequest } from '../../lessons/shared/try-it.ts';

export type { TryItRequest };

export interface LessonAppModule<Exercise = unknown> {
  /** Builds the lesson's Express app around the learner's exercise code. Does not listen. None for a lesson whose app is the learner's own server (manifest: ownServer). */
  createApp?(exercise: Exercise): Express;
  /** Requests worth trying against the running app at baseUrl (no trailing slash). */
  tryIt(baseUrl: string): TryItRequest[];
}
