// What a lesson app's tryIt(baseUrl) gives the runner to print while the app runs.

/** A request the learner can paste into a terminal while the app runs. */
export interface TryItRequest {
  /** What the request shows, in one short sentence. */
  what: string;
  /** The same sentence in Hinglish, for a learner who reads the lessons in Hinglish. */
  whatHinglish: string;
  /** A ready-to-paste command, usually curl. */
  command: string;
}
