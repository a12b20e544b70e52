// Every route about songs, in one Router, mounted at /api/songs by app.ts.
// Mistake: no `return` in front of the 404 answer, so the route goes on and calls res.json() a second time.
import { Router } from 'express';
import mongoose from 'mongoose';
import { Song } from '../song.model.ts';

export const songRoutes = Router();

songRoutes.get('/', async (_req, res) => {
  const songs = await Song.find().sort({ createdAt: -1 });
  res.json({ ok: true, songs });
});

songRoutes.get('/:id', async (req, res) => {
  const { id } = req.params;
  if (!mongoose.isObjectIdOrHexString(id)) {
    return res.status(400).json({ ok: false, error: `"${id}" is not a valid song id.` });
  }
  const song = await Song.findById(id);
  if (!song) {
    res.status(404).json({ ok: false, error: `No song has the id ${id}.` });
  }
  res.json({ ok: true, song });
});

songRoutes.post('/', async (req, res) => {
  const song = await Song.create(req.body);
  res.status(201).json({ ok: true, song });
});
