// TODO: Write the four functions below with the Song model: create, list (newest first,
// optionally one mood), update a mood (give back the updated song, check the new mood),
// delete. An id that matches no song (or is not an id at all) gives back null.
import mongoose from 'mongoose';
import { Song, type Mood } from './song.model.ts';

/** Saves a new song. A song that breaks the schema's rules throws a ValidationError, and nothing is saved. */
export async function createSong(data: Record<string, unknown>) {
  throw new Error(`createSong() is not written yet, so "${data.title}" was not saved.`);
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
