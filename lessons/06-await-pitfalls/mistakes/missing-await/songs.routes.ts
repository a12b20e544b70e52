// The song routes. app.ts mounts them at /api/songs.
// Every route that saves waits (await) for the work to finish, inside try/catch,
// so the answer tells the truth and a failure becomes a JSON answer, never a crash.
import { Router } from 'express';
import { receiveAudio, receiveAudios } from './receive-audio.ts';
import { sendSongError } from './send-song-error.ts';
import { saveSong, saveSongs, type AudioFile } from './save-songs.ts';
import { Song } from './song.model.ts';

export const songRoutes = Router();

// POST /api/songs: one file in the "audio" field, plus title, artist and mood.
songRoutes.post('/', receiveAudio, async (req, res) => {
  try {
    // receiveAudio already answered 400 when no file came, so req.file is there.
    const song = saveSong(req.file!, req.body);
    res.status(201).json({ ok: true, song });
  } catch (error) {
    sendSongError(res, error);
  }
});

// POST /api/songs/batch: up to 5 files in the "audio" field, plus artist and mood for all of them.
songRoutes.post('/batch', receiveAudios, async (req, res) => {
  try {
    const songs = await saveSongs(req.files as AudioFile[], req.body);
    res.status(201).json({ ok: true, songs });
  } catch (error) {
    sendSongError(res, error);
  }
});

// GET /api/songs: every song, newest first.
songRoutes.get('/', async (_req, res) => {
  const songs = await Song.find().sort({ createdAt: -1 });
  res.json({ ok: true, songs });
});
