/** A database that could not start, with a message written for a beginner. */
export class DatabaseStartError extends Error {
  override name = 'DatabaseStartError';
}
