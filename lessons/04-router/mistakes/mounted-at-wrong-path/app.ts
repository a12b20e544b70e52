// The app itself stays short: it parses JSON bodies and mounts each group of routes at its prefix.
import express, { type Express } from 'express';
import { songRoutes } from './routes/songs.routes.ts';

export function createApp(): Express {
  const app = express();
  app.use(express.json());

  // Mistake: mounted at /songs, so the list answers GET /songs and GET /api/songs finds nothing.
  app.use('/songs', songRoutes);

  return app;
}
