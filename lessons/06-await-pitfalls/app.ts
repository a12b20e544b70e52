// Lesson 06's app: upload songs, save them, list them. Your routes (songs.routes.ts) are
// mounted at /api/songs; around them, JSON answers for unknown paths and for errors nobody caught.
import express, { type Express, type Router } from 'express';
import { answerErrorsAsJson, notFound } from '../shared/json-errors.ts';
import type { TryItRequest } from '../shared/try-it.ts';

/** A saved song, as Mongoose gives it back (the parts the app and the tests read). */
export interface SavedSong {
  _id: unknown;
  title: string;
  artist: string;
  audio: string;
  mood: string;
}

/** One uploaded file, as multer hands it over. */
export interface AudioFile {
  buffer: Buffer;
  originalname: string;
}

/** What playground/06-await-pitfalls/songs.routes.ts and save-songs.ts export. */
export interface Exercise {
  songRoutes: Router;
  saveSong(file: AudioFile, fields: Record<string, unknown>): Promise<SavedSong>;
  saveSongs(files: AudioFile[], fields: Record<string, unknown>): Promise<SavedSong[]>;
}

export function createApp(exercise: Exercise): Express {
  if (typeof exercise.songRoutes !== 'function') {
    throw new Error(
      'songs.routes.ts does not export songRoutes: keep `export const songRoutes = Router();` from the starter. ' +
        'Hinglish: songs.routes.ts songRoutes ko export nahi karta: starter wali `export const songRoutes = Router();` line rehne dijiye.',
    );
  }
  const app = express();
  app.use(express.json());
  app.use('/api/songs', exercise.songRoutes);
  app.use(notFound);
  // Express 5 sends here the error of an async route that rejected without a try/catch. On
  // purpose, it knows no kind of error: it can only say "something went wrong" (500). The
  // route knew better, and should have caught it and called sendSongError().
  app.use(answerErrorsAsJson());
  return app;
}

export function tryIt(baseUrl: string): TryItRequest[] {
  const songs = `${baseUrl}/api/songs`;
  // No audio file at hand? Any file will do for the storage: these make two small ones.
  const makeFiles = `node -e "for (const n of ['kesariya','monsoon']) require('fs').writeFileSync(n + '.mp3', 'ID3 pretend this is ' + n)"`;
  return [
    {
      what: 'Make two small pretend song files (kesariya.mp3, monsoon.mp3) in the current folder.',
      whatHinglish: 'Current folder mein do chhoti nakli song files banaiye (kesariya.mp3, monsoon.mp3).',
      command: makeFiles,
    },
    {
      what: 'Upload one song: 201 with the saved song, its audio a real URL and its _id set. (Before your fixes: {}.)',
      whatHinglish:
        'Ek song upload kijiye: 201, save hue song ke saath, uska audio ek real URL aur _id set. (Aapke fixes se pehle: {}.)',
      command: `curl -s -F "audio=@kesariya.mp3" -F "title=Kesariya" -F "artist=Arijit Singh" -F "mood=romantic" ${songs}`,
    },
    {
      what: 'List the songs: the one you uploaded is there, with its URL.',
      whatHinglish: 'Songs ki list dekhiye: jo aapne upload kiya woh wahan hai, apne URL ke saath.',
      command: `curl -s ${songs}`,
    },
    {
      what: 'Upload two songs at once: both uploads run at the same time (Promise.all), then both are saved.',
      whatHinglish:
        'Do songs ek saath upload kijiye: dono uploads saath-saath chalte hain (Promise.all), phir dono save hote hain.',
      command: `curl -s -F "audio=@kesariya.mp3" -F "audio=@monsoon.mp3" -F "artist=Arijit Singh" -F "mood=happy" ${songs}/batch`,
    },
    {
      what: 'The file in the wrong form field: 400, naming the field "audio".',
      whatHinglish: 'File galat form field mein: 400, field "audio" ka naam lete hue.',
      command: `curl -s -i -F "song=@kesariya.mp3" -F "title=Kesariya" -F "artist=Arijit Singh" ${songs}`,
    },
    {
      what: 'A song without an artist: 400 from the schema, and no song saved. (Before your fixes: 201, then the app crashes.)',
      whatHinglish:
        'Artist ke bina song: schema se 400, aur koi song save nahi. (Aapke fixes se pehle: 201, phir app crash ho jaata hai.)',
      command: `curl -s -i -F "audio=@kesariya.mp3" -F "title=Kesariya" ${songs}`,
    },
  ];
}
