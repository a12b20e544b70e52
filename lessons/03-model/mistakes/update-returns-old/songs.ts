// Create, read, update, delete: everything the app does with songs, through the Song model.
// Mistake: updateMood() forgets to ask for the song after the change, so it gives back the old one.
import mongoose from 'mongoose';
import { Song, type Mood } from './song.model.ts';

/** Saves a new song. A song that breaks the schema's rules throws a ValidationError, and nothing is saved. */
export async function createSong(data: Record<string, unknown>) {
  return Song.create(data);
}

/** Lists songs, newest first; only those with `mood` when it is given. */
export async function listSongs(filter: { mood?: Mood } = {}) {
  const query = filter.mood ? { mood: filter.mood } : {}; // no mood asked: the empty filter {} matches every song
  return Song.find(query).sort({ createdAt: -1 }); // -1: from the newest down
}

/** Changes a song's mood and gives back the song as it is now; null if there is no such song. */
export async function updateMood(id: string, mood: string) {
  if (!mongoose.isObjectIdOrHexString(id)) return null; // "abc" can never be an _id
  return Song.findByIdAndUpdate(
    id,
    { mood },
    { runValidators: true }, // check the new mood against the schema's enum
  );
}

/** Deletes a song and gives it back; null if there was no such song. */
export async function deleteSong(id: string) {
  if (!mongoose.isObjectIdOrHexString(id)) return null;
  return Song.findByIdAndDelete(id);
}
