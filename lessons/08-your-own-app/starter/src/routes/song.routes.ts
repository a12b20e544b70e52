// TODO: export const songRoutes = Router(), with multer reading the file into memory (25 MB at most), and the routes of lesson 07:
//   POST   /     upload.single('audio'); 400 without a file; check title, artist and mood BEFORE uploading;
//                await uploadFile(…); save the song with its url and fileId: 201 { ok: true, song }
//   GET    /     { ok: true, songs }, newest first; only one mood's with ?mood=happy
//   GET    /:id  { ok: true, song }; 400 for a malformed id, 404 when no song has it
//   DELETE /:id  await deleteFile(song.fileId), then delete the song: { ok: true, song }
