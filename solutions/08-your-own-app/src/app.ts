// The Express app: the page, the API, and one error handler that answers every failure in JSON.
// It does not listen: server.ts does, once the database is connected.
import path from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import mongoose from 'mongoose';
import multer from 'multer';
import { songRoutes } from './routes/song.routes.ts';

// public/ is found from this file's own folder, so the app serves its page whatever folder it is started from.
const pageFolder = path.join(import.meta.dirname, '..', 'public');

export const app = express();

app.use(express.json());
app.use(express.static(pageFolder));
app.use('/api/songs', songRoutes);

// Four arguments: Express calls this with every error a route throws (or an awaited promise rejects with).
const answerInJson: ErrorRequestHandler = (error, _req, res, _next) => {
  if (error instanceof mongoose.Error.ValidationError) {
    const errors = Object.fromEntries(Object.entries(error.errors).map(([field, e]) => [field, e.message]));
    return res.status(400).json({ ok: false, errors });
  }
  if (error instanceof multer.MulterError) {
    return res.status(error.code === 'LIMIT_FILE_SIZE' ? 413 : 400).json({ ok: false, error: error.message });
  }
  // The ImageKit SDK rejects with the storage's answer, a plain object with a message: a server behind us failed.
  if (!(error instanceof Error) && typeof error?.message === 'string') {
    return res.status(502).json({ ok: false, error: `The storage failed: ${error.message}` });
  }
  console.error(error);
  res.status(500).json({ ok: false, error: 'Something went wrong on the server.' });
};
app.use(answerInJson);
