// Saving songs: upload the audio to storage, WAIT for its URL, then save the song with that URL.
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
  // 1. Upload every file, waiting for each answer.
  const uploads: UploadResult[] = [];
  for (const file of files) {
    uploads.push(await uploadFile(file.buffer, file.originalname));
  }

  // 2. Same idea for the saves: start them all, wait for all, and hand back the saved songs.
  return Promise.all(
    uploads.map((uploaded, i) =>
      Song.create({
        title: titleOf(files[i]),
        artist: fields.artist,
        mood: fields.mood,
        audio: uploaded.url,
      }),
    ),
  );
}

// "monsoon-rain.mp3" -> "monsoon-rain"
function titleOf(file: AudioFile): string {
  return path.parse(file.originalname).name;
}
