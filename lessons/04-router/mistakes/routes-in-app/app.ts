// Mistake: every song route written straight on app, with the full path; songRoutes stays empty.
// It answers the same today, but this is the one-big-file app the Router is there to avoid.
import express, { type Express } from 'express';
import mongoose from 'mongoose';
import { songRoutes } from './routes/songs.routes.ts';
import { Song } from './song.model.ts';

export function createApp(): Express {
  const app = express();
  app.use(express.json());
  app.use('/api/songs', songRoutes);

  app.get('/api/songs', async (_req, res) => {
    const songs = await Song.find().sort({ createdAt: -1 });
    res.json({ ok: true, songs });
  });

  app.get('/api/songs/:id', async (req, res) => {
    const { id } = req.params;
    if (!mongoose.isObjectIdOrHexString(id)) {
      return res.status(400).json({ ok: false, error: `"${id}" is not a valid song id.` });
    }
    const song = await Song.findById(id);
    if (!song) return res.status(404).json({ ok: false, error: `No song has the id ${id}.` });
    res.json({ ok: true, song });
  });

  app.post('/api/songs', async (req, res) => {
    const song = await Song.create(req.body);
    res.status(201).json({ ok: true, song });
  });

  return app;
}
