// The Express app: the page, and the API.
// It does not listen: server.ts does, once the database is connected.
import path from 'node:path';
import express from 'express';
import { songRoutes } from './routes/song.routes.ts';

// public/ is found from this file's own folder, so the app serves its page whatever folder it is started from.
const pageFolder = path.join(import.meta.dirname, '..', 'public');

export const app = express();

app.use(express.json());
app.use(express.static(pageFolder));
app.use('/api/songs', songRoutes);
