// The song routes. app.ts mounts them at /api/songs, so '/' here is /api/songs.
// Each step that takes time is awaited, in order: a song is saved only once its file is in
// storage, and deleted only once its file is gone. Errors not caught here reach the app's
// error handler: an invalid song answers 400, a storage failure 502.
import { Router } from 'express';
import mongoose from 'mongoose';
import multer from 'multer';
import { audioTypeOf } from './audio-type.ts';
import { deleteFile } from './delete-file.ts';
import { Song, type Mood } from './song.model.ts';
import { uploadFile } from './upload-file.ts';

// multer reads the multipart form: the file into req.file (its bytes in memory, in req.file.buffer),
// the text fields into req.body. 25 MB is the storage's own limit. Use it in a route: upload.single('…').
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 25 * 1024 * 1024 } });

export const songRoutes = Router();

// POST /api/songs: a form with the file in the field "audio", plus title, artist and mood.
// Mistake: multer reads the field "file", and the page sends the file in "audio".
songRoutes.post('/', upload.single('file'), async (req, res) => {
  if (!req.file) {
    return res.status(400).json({ ok: false, error: 'No file came. Send it in the form field named "file".' });
  }
  // Its name and type are only what the sender says: its first bytes tell whether it is audio.
  if (!audioTypeOf(req.file.buffer)) {
    return res.status(400).json({ ok: false, error: `"${req.file.originalname}" is not an audio file.` });
  }
  // 1. Check the song's own fields first: an invalid song throws here, before anything is uploaded.
  const song = new Song({ title: req.body.title, artist: req.body.artist, mood: req.body.mood });
  await song.validate(['title', 'artist', 'mood']);

  // 2. The file to storage. Wait for it: the song needs the URL and fileId the storage gives back.
  const uploaded = await uploadFile(req.file.buffer, req.file.originalname);

  // 3. The song, pointing to its file. If saving fails anyway, take the file back out of storage.
  song.audio = uploaded.url;
  song.fileId = uploaded.fileId;
  try {
    await song.save();
  } catch (error) {
    await deleteFile(uploaded.fileId);
    throw error;
  }
  res.status(201).json({ ok: true, song });
});

// GET /api/songs: every song, newest first. GET /api/songs?mood=happy: only the happy ones.
songRoutes.get('/', async (req, res) => {
  // TypeScript cannot check what comes in the URL: `as Mood` takes it at its word (a word that is no mood finds no song).
  const mood = req.query.mood as Mood | undefined;
  // No mood asked: the empty filter {} matches every song. ({ mood: undefined } would match none.)
  const filter = mood ? { mood } : {};
  const songs = await Song.find(filter).sort({ createdAt: -1 });
  res.json({ ok: true, songs });
});

// GET /api/songs/:id: one song.
songRoutes.get('/:id', async (req, res) => {
  const { id } = req.params;
  if (!mongoose.isObjectIdOrHexString(id)) {
    return res.status(400).json({ ok: false, error: `"${id}" is not a valid song id.` });
  }
  const song = await Song.findById(id);
  if (!song) {
    return res.status(404).json({ ok: false, error: `No song has the id ${id}.` });
  }
  res.json({ ok: true, song });
});

// DELETE /api/songs/:id: the file from storage, then the song.
songRoutes.delete('/:id', async (req, res) => {
  const { id } = req.params;
  if (!mongoose.isObjectIdOrHexString(id)) {
    return res.status(400).json({ ok: false, error: `"${id}" is not a valid song id.` });
  }
  const song = await Song.findById(id);
  if (!song) {
    return res.status(404).json({ ok: false, error: `No song has the id ${id}.` });
  }
  // The file first: if the storage fails, this throws (502) and the song stays, so you can try again.
  await deleteFile(song.fileId);
  await song.deleteOne();
  res.json({ ok: true, song });
});
