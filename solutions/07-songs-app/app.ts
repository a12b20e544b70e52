// The whole app in two lines of wiring: the page for the browser, and the API the page calls.
import path from 'node:path';
import express, { type Express } from 'express';
import { songRoutes } from './songs.routes.ts';

// The page's files (index.html, songs.js, style.css) sit in public/, next to this file.
const pageFolder = path.join(import.meta.dirname, 'public');

export function createApp(): Express {
  const app = express();

  // GET / answers public/index.html, GET /songs.js public/songs.js, and so on: files as they are.
  app.use(express.static(pageFolder));

  // Every path of songRoutes now starts with /api/songs: its post('/') answers POST /api/songs.
  app.use('/api/songs', songRoutes);

  return app;
}
