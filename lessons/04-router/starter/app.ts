// TODO: Mount songRoutes at /api/songs (one line, where the comment says), so that the
//       router's get('/') answers GET /api/songs. Then run `npm run lesson -- check 04`.
// Hinglish: songRoutes ko /api/songs pe mount kijiye (ek line, wahan jahan comment bata raha hai), taaki router
//           ka get('/') GET /api/songs ka answer de. Phir `npm run lesson -- check 04` chalaiye.
import express, { type Express } from 'express';
import { songRoutes } from './routes/songs.routes.ts';

export function createApp(): Express {
  const app = express();
  app.use(express.json());

  // Mount songRoutes here:

  return app;
}
