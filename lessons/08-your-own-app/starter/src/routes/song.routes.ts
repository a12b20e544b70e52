// TODO: export const songRoutes = Router(), with multer reading the file into memory (25 MB at most), and the routes of lesson 07:
//   POST   /     upload.single('audio'); 400 without a file; check title, artist and mood BEFORE uploading;
//                await uploadFile(…); save the song with its url and fileId: 201 { ok: true, song }
//   GET    /     { ok: true, songs }, newest first; only one mood's with ?mood=happy
//   GET    /:id  { ok: true, song }; 400 for a malformed id, 404 when no song has it
//   DELETE /:id  await deleteFile(song.fileId), then delete the song: { ok: true, song }
// Hinglish: export const songRoutes = Router(), multer ke saath jo file ko memory mein padhe (zyada se zyada
// 25 MB), aur lesson 07 waale routes:
//   POST   /     upload.single('audio'); file na ho toh 400; title, artist aur mood upload se PEHLE check
//                kijiye; await uploadFile(…); song ko uske url aur fileId ke saath save kijiye:
//                201 { ok: true, song }
//   GET    /     { ok: true, songs }, newest first; ?mood=happy ho toh sirf us mood ke
//   GET    /:id  { ok: true, song }; galat format ki id pe 400, aur kisi song ki woh id na ho toh 404
//   DELETE /:id  await deleteFile(song.fileId), phir song delete kijiye: { ok: true, song }
