// Every route about songs, in one Router. app.ts mounts it at /api/songs,
// so the paths written here are the part AFTER /api/songs.
import { Router } from 'express';
import mongoose from 'mongoose';
import { Song } from '../song.model.ts';

export const songRoutes = Router();

// GET /api/songs: every song, newest first.
songRoutes.get('/', async (_req, res) => {
  const songs = await Song.find().sort({ createdAt: -1 });
  res.json({ ok: true, songs });
});

// GET /api/songs/:id: one song.
songRoutes.get('/:id', async (req, res) => {
  const { id } = req.params;
  // "abc" can never be an _id: answer 400 ourselves, before findById() throws a CastError.
  if (!mongoose.isObjectIdOrHexString(id)) {
    return res.status(400).json({ ok: false, error: `"${id}" is not a valid song id.` });
  }
  const song = await Song.findById(id);
  if (!song) {
    return res.status(404).json({ ok: false, error: `No song has the id ${id}.` });
  }
  res.json({ ok: true, song });
});

// POST /api/songs: a new song from the JSON body.
// create() validates first: an invalid song throws, and the app's error handler answers 400.
songRoutes.post('/', async (req, res) => {
  const song = await Song.create(req.body);
  res.status(201).json({ ok: true, song });
});
