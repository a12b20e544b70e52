// The storage refusals the checks cause on purpose. Their words say so: a learner whose code
// logs the error reads it in the check's output, and must not think their account or the
// storage itself is broken.

/** A refusal for the local storage's `faults.failNext`, with a status like ImageKit's own. */
export function plannedRefusal(status: number): { status: number; message: string } {
  return {
    status,
    message: `The check made the storage refuse this on purpose (status ${status}), to see what your code does with an error.`,
  };
}
