// The shape every lessons/<slug>/app.ts has, so the runner can start any lesson's app.
import type { Express } from 'express';

/** A request the learner can paste into a terminal while the app runs. */
export interface TryItRequest {
  /** What the request shows, in one short sentence. */
  what: string;
  /** A ready-to-paste command, usually curl. */
  command: string;
}

export interface LessonAppModule<Exercise = any> {
  /** Builds the lesson's Express app around the learner's exercise code. Does not listen. */
  createApp(exercise: Exercise): Express;
  /** Requests worth trying against the running app at baseUrl (no trailing slash). */
  tryIt(baseUrl: string): TryItRequest[];
}
