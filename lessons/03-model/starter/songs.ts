// TODO: Write the four functions below with the Song model: create, list (newest first,
// optionally one mood), update a mood (give back the updated song, check the new mood),
// delete. An id that matches no song (or is not an id at all) gives back null.
// Hinglish: Neeche ke chaaron functions Song model se likhiye: create, list (newest first, chahein toh sirf
// ek mood ke), mood update (updated song wapas dijiye, aur naya mood check ho), aur delete. Jo id kisi song
// se match nahi karti (ya id hi nahi hai), uske liye null wapas dijiye.
import mongoose from 'mongoose';
import { Song, type Mood } from './song.model.ts';

/** Saves a new song. A song that breaks the schema's rules throws a ValidationError, and nothing is saved. */
export async function createSong(data: Record<string, unknown>) {
  throw new Error(
    `createSong() is not written yet, so "${data.title}" was not saved ` +
      `(Hinglish: createSong() abhi likha nahi gaya hai, isliye "${data.title}" save nahi hua).`,
  );
}

/** Lists songs, newest first; only those with `mood` when it is given. */
export async function listSongs(filter: { mood?: Mood } = {}) {
  return []; // TODO
}

/** Changes a song's mood and gives back the song as it is now; null if there is no such song. */
export async function updateMood(id: string, mood: string) {
  return null; // TODO
}

/** Deletes a song and gives it back; null if there was no such song. */
export async function deleteSong(id: string) {
  return null; // TODO
}
