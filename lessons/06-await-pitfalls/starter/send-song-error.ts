// Given with this lesson: turns an error from saving a song into a JSON answer. You do not need to edit this file.
// Your part is to make sure the error gets here: `await` the work inside try { } and
// call sendSongError(res, error) in catch { }.
// Hinglish: Is lesson ke saath di gayi file: song save karte waqt aaye error ko JSON answer mein badalti hai.
//   Ise aapko edit nahi karna hai. Aapka kaam hai ki error yahan tak pahunche: kaam ko try { } ke andar
//   `await` kijiye aur catch { } mein sendSongError(res, error) call kijiye.
import type { Response } from 'express';
import mongoose from 'mongoose';

/** Answers a failed save: 400 for a song that breaks the schema, 502 when the storage refused the file, else 500. */
export function sendSongError(res: Response, error: unknown): void {
  if (error instanceof mongoose.Error.ValidationError) {
    // The client's mistake: say which fields are wrong, as in lesson 04.
    const errors: Record<string, string> = {};
    for (const [path, problem] of Object.entries(error.errors)) errors[path] = problem.message;
    res.status(400).json({ ok: false, errors });
  } else if (isStorageFailure(error)) {
    // Not the client's mistake and not ours: the storage (the server behind us) failed. That is a 502.
    res.status(502).json({ ok: false, error: `The storage did not take the file: ${error.message}` });
  } else {
    console.error('Saving a song failed (Hinglish: song save nahi ho paaya):', error);
    res.status(500).json({ ok: false, error: 'Something went wrong on the server. See its terminal for details.' });
  }
}

// When the storage says no, the ImageKit SDK rejects with its answer, a plain object { message, help },
// not with an Error like Mongoose and Node do: that is how we tell the two apart.
function isStorageFailure(error: unknown): error is { message: string } {
  return (
    typeof error === 'object' &&
    error !== null &&
    !(error instanceof Error) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
