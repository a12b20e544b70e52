// Given with this lesson: how the routes receive audio files, with multer. You do not need to edit this file.
// Multer reads the multipart form: the file lands in req.file (its bytes in req.file.buffer,
// kept in memory just long enough to go to storage) and the text fields in req.body.
// Hinglish: Is lesson ke saath di gayi file: routes audio files multer se kaise receive karte hain. Ise
//   aapko edit nahi karna hai. Multer multipart form padhta hai: file req.file mein aati hai (uske bytes
//   req.file.buffer mein, bas storage tak jaane jitni der memory mein) aur text fields req.body mein.
import type { Request, RequestHandler } from 'express';
import multer from 'multer';

/** The form field the audio file(s) must come in. */
export const AUDIO_FIELD = 'audio';
/** How many files POST /api/songs/batch takes at once. */
export const MAX_BATCH_FILES = 5;

const upload = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: 25 * 1024 * 1024 }, // the storage's own limit: 25 MB
});

/** One file in the "audio" field, as req.file. Answers 400 itself when it is missing or misnamed. */
export const receiveAudio = receive(upload.single(AUDIO_FIELD), 1, (req) => req.file !== undefined);

/** 1 to 5 files in the "audio" field, as req.files. Answers 400 itself when none came. */
export const receiveAudios = receive(
  upload.array(AUDIO_FIELD, MAX_BATCH_FILES),
  MAX_BATCH_FILES,
  (req) => Array.isArray(req.files) && req.files.length > 0,
);

// Runs multer, then turns its errors (and a form without any file) into a clear JSON answer.
function receive(readForm: RequestHandler, maxFiles: number, gotFiles: (req: Request) => boolean): RequestHandler {
  return (req, res, next) => {
    readForm(req, res, (error?: unknown) => {
      if (error instanceof multer.MulterError) {
        const status = error.code === 'LIMIT_FILE_SIZE' ? 413 : 400;
        res.status(status).json({ ok: false, error: explain(error, maxFiles) });
      } else if (error) {
        next(error);
      } else if (!gotFiles(req)) {
        res
          .status(400)
          .json({ ok: false, error: `No file came. Send the file in the form field named "${AUDIO_FIELD}".` });
      } else {
        next();
      }
    });
  };
}

function explain(error: multer.MulterError, maxFiles: number): string {
  if (error.code === 'LIMIT_FILE_SIZE') return 'That file is too big: 25 MB at most.';
  if (error.code === 'LIMIT_UNEXPECTED_FILE' && error.field !== AUDIO_FIELD) {
    // Multer's own words are "Unexpected field": the file came in a field we did not ask for.
    return `Send the file in the form field named "${AUDIO_FIELD}", not "${error.field}".`;
  }
  if (error.code === 'LIMIT_UNEXPECTED_FILE') {
    return maxFiles === 1
      ? `Send one file only, in the form field named "${AUDIO_FIELD}".`
      : `Send at most ${maxFiles} files in the form field named "${AUDIO_FIELD}".`;
  }
  return `The form could not be read (${error.message}). Send the file in the form field named "${AUDIO_FIELD}".`;
}
