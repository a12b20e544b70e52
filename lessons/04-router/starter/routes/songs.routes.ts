// TODO: Give songRoutes the three song routes. app.ts mounts it at /api/songs, so:
//   - songRoutes.get('/')     answers GET  /api/songs      -> { ok: true, songs } (every song, newest first)
//   - songRoutes.get('/:id')  answers GET  /api/songs/:id  -> { ok: true, song }
//       a malformed id (check it with mongoose.isObjectIdOrHexString): 400 { ok: false, error }
//       an id no song has:                                   404 { ok: false, error }
//   - songRoutes.post('/')    answers POST /api/songs      -> 201 { ok: true, song },
//       made with Song.create(req.body) (an invalid song throws; the app answers 400 for you)
// Write the paths as the router sees them: '/' and '/:id', never '/api/songs'.
import { Router } from 'express';
import mongoose from 'mongoose';
import { Song } from '../song.model.ts';

export const songRoutes = Router();
