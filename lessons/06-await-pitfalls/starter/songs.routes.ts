// TODO: These routes answer too early and let errors escape. Find and fix the await pitfalls
// (save-songs.ts has more), then run `npm run lesson -- check 06`:
//   1. POST /api/songs answers 201 with {} as the song: a missing `await` (see what saveSong returns).
//   2. When the upload fails, both routes must answer 502 with the storage's message, and a song
//      that breaks the schema 400: put the work in try { } and call sendSongError(res, error) in catch { }
//      (import it from './send-song-error.ts').
// receive-audio.ts (multer) and send-song-error.ts are given: you do not need to edit them.
// Hinglish: Yeh routes bahut jaldi answer de dete hain aur errors ko haath se nikal jaane dete hain. Await ke
// pitfalls dhoondh ke theek kijiye (save-songs.ts mein aur bhi hain), phir `npm run lesson -- check 06` chalaiye:
//   1. POST /api/songs 201 deta hai, par song ki jagah {}: ek `await` missing hai (dekhiye saveSong kya return
//      karta hai).
//   2. Upload fail ho toh dono routes ko storage ke message ke saath 502 dena hai, aur schema todne waale song
//      pe 400: kaam ko try { } mein rakhiye aur catch { } mein sendSongError(res, error) call kijiye
//      (isko './send-song-error.ts' se import kijiye).
// receive-audio.ts (multer) aur send-song-error.ts pehle se diye hue hain: unhe edit karne ki zaroorat nahi hai.
import { Router } from 'express';
import { receiveAudio, receiveAudios } from './receive-audio.ts';
import { saveSong, saveSongs, type AudioFile } from './save-songs.ts';
import { Song } from './song.model.ts';

export const songRoutes = Router();

// POST /api/songs: one file in the "audio" field, plus title, artist and mood.
songRoutes.post('/', receiveAudio, async (req, res) => {
  // receiveAudio already answered 400 when no file came, so req.file is there.
  const song = saveSong(req.file!, req.body);
  res.status(201).json({ ok: true, song });
});

// POST /api/songs/batch: up to 5 files in the "audio" field, plus artist and mood for all of them.
songRoutes.post('/batch', receiveAudios, async (req, res) => {
  const songs = await saveSongs(req.files as AudioFile[], req.body);
  res.status(201).json({ ok: true, songs });
});

// GET /api/songs: every song, newest first. (This one is fine.)
songRoutes.get('/', async (_req, res) => {
  const songs = await Song.find().sort({ createdAt: -1 });
  res.json({ ok: true, songs });
});
