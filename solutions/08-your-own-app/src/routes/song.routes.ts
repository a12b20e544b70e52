// The song routes, mounted at /api/songs in app.ts: '/' here is /api/songs.
import { Router } from 'express';
import mongoose from 'mongoose';
import multer from 'multer';
import { Song, type Mood } from '../models/song.model.ts';
import { deleteFile, uploadFile } from '../services/storage.service.ts';

// The form's file into req.file (bytes in memory), its text fields into req.body. 25 MB: the storage's own limit.
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 25 * 1024 * 1024 } });

export const songRoutes = Router();

songRoutes.post('/', upload.single('audio'), async (req, res) => {
  if (!req.file) {
    return res.status(400).json({ ok: false, error: 'No file came. Send it in the form field named "audio".' });
  }
  // Check the song's own fields before uploading: an invalid song then leaves no file behind.
  const song = new Song({ title: req.body.title, artist: req.body.artist, mood: req.body.mood });
  await song.validate(['title', 'artist', 'mood']);

  const uploaded = await uploadFile(req.file.buffer, req.file.originalname);
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

songRoutes.get('/', async (req, res) => {
  const mood = req.query.mood as Mood | undefined;
  const songs = await Song.find(mood ? { mood } : {}).sort({ createdAt: -1 });
  res.json({ ok: true, songs });
});

songRoutes.get('/:id', async (req, res) => {
  const { id } = req.params;
  if (!mongoose.isObjectIdOrHexString(id)) {
    return res.status(400).json({ ok: false, error: `"${id}" is not a valid song id.` });
  }
  const song = await Song.findById(id);
  if (!song) return res.status(404).json({ ok: false, error: `No song has the id ${id}.` });
  res.json({ ok: true, song });
});

songRoutes.delete('/:id', async (req, res) => {
  const { id } = req.params;
  if (!mongoose.isObjectIdOrHexString(id)) {
    return res.status(400).json({ ok: false, error: `"${id}" is not a valid song id.` });
  }
  const song = await Song.findById(id);
  if (!song) return res.status(404).json({ ok: false, error: `No song has the id ${id}.` });
  await deleteFile(song.fileId);
  await song.deleteOne();
  res.json({ ok: true, song });
});
