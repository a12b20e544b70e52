// Every route about songs, in one Router, mounted at /api/songs by app.ts.
// Mistake: GET /:id passes any id to findById(); "not-an-id" makes it throw a CastError (500).
import { Router } from 'express';
import { Song } from '../song.model.ts';

export const songRoutes = Router();

songRoutes.get('/', async (_req, res) => {
  const songs = await Song.find().sort({ createdAt: -1 });
  res.json({ ok: true, songs });
});

songRoutes.get('/:id', async (req, res) => {
  const song = await Song.findById(req.params.id);
  if (!song) {
    return res.status(404).json({ ok: false, error: `No song has the id ${req.params.id}.` });
  }
  res.json({ ok: true, song });
});

songRoutes.post('/', async (req, res) => {
  const song = await Song.create(req.body);
  res.status(201).json({ ok: true, song });
});
