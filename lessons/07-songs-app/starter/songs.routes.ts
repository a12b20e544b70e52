// TODO: Write the four song routes. app.ts mounts this router at /api/songs, so '/' here is /api/songs.
//   POST   /     the form's file (field "audio") to storage with uploadFile(), then the song with its URL
//                and fileId: 201 { ok: true, song }. No file: 400. A file that is no audio by its first
//                bytes (audioTypeOf(req.file.buffer), from audio-type.ts): 400. Check title, artist and
//                mood BEFORE uploading (await song.validate([...])), so an invalid song leaves no file behind.
//   GET    /     { ok: true, songs }, newest first: all of them, or only one mood's with ?mood=happy
//   GET    /:id  { ok: true, song }; 400 for a malformed id, 404 when no song has it
//   DELETE /:id  the file from storage with deleteFile(song.fileId), then the song: { ok: true, song }
// Errors you do not catch reach the app's error handler: an invalid song answers 400, a storage failure 502.
// Then run `npm run lesson -- check 07`.
// Hinglish: Song ke chaar routes likhiye. app.ts is router ko /api/songs pe mount karta hai, toh yahan '/' ka
// matlab /api/songs hai.
//   POST   /     form ki file (field "audio") uploadFile() se storage mein, phir song uske URL aur fileId ke
//                saath: 201 { ok: true, song }. File nahi aayi: 400. Jo file apne pehle bytes se audio nahi
//                hai (audioTypeOf(req.file.buffer), audio-type.ts se): 400. title, artist aur mood upload se
//                PEHLE check kijiye (await song.validate([...])), taaki invalid song koi file peeche na chhode.
//   GET    /     { ok: true, songs }, newest first: saare, ya ?mood=happy ho toh sirf us mood ke
//   GET    /:id  { ok: true, song }; galat format ki id pe 400, aur kisi song ki woh id na ho toh 404
//   DELETE /:id  pehle deleteFile(song.fileId) se storage se file, phir song: { ok: true, song }
// Jo errors aap catch nahi karte, woh app ke error handler tak pahunchte hain: invalid song pe 400, storage
// fail ho toh 502. Phir `npm run lesson -- check 07` chalaiye.
import { Router } from 'express';
import mongoose from 'mongoose';
import multer from 'multer';
import { deleteFile } from './delete-file.ts';
import { Song, type Mood } from './song.model.ts';
import { uploadFile } from './upload-file.ts';

// multer reads the multipart form: the file into req.file (its bytes in memory, in req.file.buffer),
// the text fields into req.body. 25 MB is the storage's own limit. Use it in a route: upload.single('…').
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 25 * 1024 * 1024 } });

export const songRoutes = Router();

// Each route below answers 501 until you write it; the page shows that message.

// POST /api/songs: a form with the file in the field "audio", plus title, artist and mood.
songRoutes.post('/', (_req, res) => {
  res.status(501).json({
    ok: false,
    error:
      'POST /api/songs is not written yet (songs.routes.ts) (Hinglish: yeh route abhi songs.routes.ts mein likha nahi gaya hai).',
  });
});

// GET /api/songs and GET /api/songs?mood=happy
songRoutes.get('/', (_req, res) => {
  res.status(501).json({
    ok: false,
    error:
      'GET /api/songs is not written yet (songs.routes.ts) (Hinglish: yeh route abhi songs.routes.ts mein likha nahi gaya hai).',
  });
});

// GET /api/songs/:id
songRoutes.get('/:id', (_req, res) => {
  res.status(501).json({
    ok: false,
    error:
      'GET /api/songs/:id is not written yet (songs.routes.ts) (Hinglish: yeh route abhi songs.routes.ts mein likha nahi gaya hai).',
  });
});

// DELETE /api/songs/:id
songRoutes.delete('/:id', (_req, res) => {
  res.status(501).json({
    ok: false,
    error:
      'DELETE /api/songs/:id is not written yet (songs.routes.ts) (Hinglish: yeh route abhi songs.routes.ts mein likha nahi gaya hai).',
  });
});
