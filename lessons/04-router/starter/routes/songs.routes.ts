// TODO: Give songRoutes the three song routes. app.ts mounts it at /api/songs, so:
//   - songRoutes.get('/')     answers GET  /api/songs      -> { ok: true, songs } (every song, newest first)
//   - songRoutes.get('/:id')  answers GET  /api/songs/:id  -> { ok: true, song }
//       a malformed id (check it with mongoose.isObjectIdOrHexString): 400 { ok: false, error }
//       an id no song has:                                   404 { ok: false, error }
//   - songRoutes.post('/')    answers POST /api/songs      -> 201 { ok: true, song },
//       made with Song.create(req.body) (an invalid song throws; the app answers 400 for you)
// Write the paths as the router sees them: '/' and '/:id', never '/api/songs'.
// Hinglish: songRoutes ko song ke teen routes dijiye. app.ts isko /api/songs pe mount karta hai, isliye:
//   - songRoutes.get('/')     GET  /api/songs ka answer     -> { ok: true, songs } (saare songs, newest first)
//   - songRoutes.get('/:id')  GET  /api/songs/:id ka answer -> { ok: true, song }
//       galat format ki id (mongoose.isObjectIdOrHexString se check kijiye): 400 { ok: false, error }
//       aisi id jo kisi song ki nahi hai:                                    404 { ok: false, error }
//   - songRoutes.post('/')    POST /api/songs ka answer     -> 201 { ok: true, song },
//       Song.create(req.body) se banaiye (invalid song throw karta hai; 400 ka answer app khud deta hai)
// Paths waise likhiye jaise router unhe dekhta hai: '/' aur '/:id', kabhi '/api/songs' nahi.
import { Router } from 'express';
import mongoose from 'mongoose';
import { Song } from '../song.model.ts';

export const songRoutes = Router();
