// TODO: saveSongs() below returns before any song is saved, and it uploads slowly. Fix it, then
// run `npm run lesson -- check 06`:
//   3. The saves run inside forEach(async ...): forEach does not wait, so the list comes back
//      empty. Make saveSongs() wait for every save and return the saved songs.
//   4. The uploads run one after another (await inside the for...of loop). Start them all at
//      once and wait for all of them together: map() + Promise.all.
// saveSong() is already right: read it to see the order (upload, wait, then save).
// Hinglish: Neeche saveSongs() kisi bhi song ke save hone se pehle return kar deta hai, aur upload bhi dheere
// karta hai. Isko theek kijiye, phir `npm run lesson -- check 06` chalaiye:
//   3. Saves forEach(async ...) ke andar chalte hain: forEach wait nahi karta, isliye list khaali wapas aati
//      hai. saveSongs() ko har save ka wait karwaiye aur saved songs return kijiye.
//   4. Uploads ek ke baad ek chalte hain (for...of loop ke andar await). Sabko ek saath shuru kijiye aur sabka
//      ek saath wait kijiye: map() + Promise.all.
// saveSong() pehle se sahi hai: order samajhne ke liye usko padhiye (upload, wait, phir save).
import path from 'node:path';
import { Song, type SongDoc } from './song.model.ts';
import { uploadFile, type UploadResult } from './upload-file.ts';

/** One audio file, as multer hands it over (req.file, or one item of req.files). */
export interface AudioFile {
  buffer: Buffer;
  originalname: string;
}

/** What the form's text fields (req.body) should hold. TypeScript cannot check req.body: the schema does, on save. */
export interface SongFields {
  title?: string;
  artist?: string;
  mood?: 'happy' | 'sad' | 'calm' | 'energetic' | 'romantic';
  duration?: number;
}

/** Uploads one audio file, then saves the song that points to it. */
export async function saveSong(file: AudioFile, fields: SongFields): Promise<SongDoc> {
  // `await` pauses here until the storage answers. Without it, `uploaded` would be a Promise.
  const uploaded = await uploadFile(file.buffer, file.originalname);
  return Song.create({
    title: fields.title,
    artist: fields.artist,
    mood: fields.mood,
    duration: fields.duration,
    audio: uploaded.url,
  });
}

/** Uploads several audio files at the same time, then saves one song per file, titled after the file. */
export async function saveSongs(files: AudioFile[], fields: SongFields): Promise<SongDoc[]> {
  // 1. Upload every file.
  const uploads: UploadResult[] = [];
  for (const file of files) {
    const uploaded = await uploadFile(file.buffer, file.originalname);
    uploads.push(uploaded);
  }

  // 2. Save one song per upload.
  const songs: SongDoc[] = [];
  uploads.forEach(async (uploaded, i) => {
    const song = await Song.create({
      title: titleOf(files[i]),
      artist: fields.artist,
      mood: fields.mood,
      audio: uploaded.url,
    });
    songs.push(song);
  });
  return songs;
}

// "monsoon-rain.mp3" -> "monsoon-rain"
function titleOf(file: AudioFile): string {
  return path.parse(file.originalname).name;
}
