// The storage refusals the checks cause on purpose. Their words say so: a learner whose code
// logs the error reads it in the check's output, and must not think their account or the
// storage itself is broken.
import { said } from './said.ts';

/** Why a check that needs a planned refusal is skipped on a real ImageKit account. */
export const onlyLocalStorageRefuses = said(
  'needs the local storage: a real ImageKit account cannot fail on purpose',
  'iske liye local storage chahiye: asli ImageKit account ko jaan-boojhkar fail nahi karaya ja sakta',
);

/** A refusal for the local storage's `faults.failNext`, with a status like ImageKit's own. */
export function plannedRefusal(status: number): { status: number; message: string } {
  return {
    status,
    message: `The check made the storage refuse this on purpose (status ${status}), to see what your code does with an error.`,
  };
}
