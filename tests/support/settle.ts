// Waiting for a learner's promise without letting a forgotten resolve() hang the check.

/** Thrown when a promise did not settle in time; its message is written for the learner. */
export class NeverSettled extends Error {
  constructor(explanation: string) {
    super(explanation);
    this.name = 'NeverSettled';
  }
}

/**
 * Resolves or rejects like `promise`, or throws NeverSettled with `explanation`
 * when it has done neither after `ms` milliseconds.
 */
export async function settleWithin<T>(promise: Promise<T>, ms: number, explanation: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new NeverSettled(explanation)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
