// A model is the tool that reads and writes one collection.
import mongoose from 'mongoose';
import { songSchema } from './song.schema.ts';

/** One saved song, as Mongoose gives it back. */
export type SongDoc = mongoose.HydratedDocument<mongoose.InferSchemaType<typeof songSchema>>;

/** The moods the schema allows: 'happy', 'sad', 'calm', 'energetic' or 'romantic'. */
export type Mood = mongoose.InferSchemaType<typeof songSchema>['mood'];

/**
 * Creates, finds, updates and deletes songs. The name 'Song' becomes the
 * collection "songs": Mongoose lower-cases it and makes it plural.
 */
export const Song = mongoose.model('Song', songSchema);
