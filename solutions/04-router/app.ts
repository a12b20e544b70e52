// The app itself stays short: it parses JSON bodies and mounts each group of routes at its prefix.
import express, { type Express } from 'express';
import { songRoutes } from './routes/songs.routes.ts';

export function createApp(): Express {
  const app = express();
  app.use(express.json());

  // Every path in songRoutes now starts with /api/songs: its get('/') answers GET /api/songs.
  app.use('/api/songs', songRoutes);

  return app;
}
