// The text score of each document a $text query matched, for { $meta: "textScore" }
// in projections and sorts. Set while the query runs; weakly held, so nothing lingers.

const scores = new WeakMap<object, number>();

/** Records the score a $text search gave a document. */
export function setTextScore(doc: object, score: number): void {
  scores.set(doc, score);
}

/** The score a $text search gave a document (0 when it had none). */
export function textScoreOf(doc: object): number {
  return scores.get(doc) ?? 0;
}
