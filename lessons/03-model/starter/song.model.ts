// TODO: Replace `null` with a model made from songSchema: mongoose.model(name, schema).
// Choose the name so that Mongoose works on the collection "songs".
// Hinglish: `null` ki jagah songSchema se bana ek model rakhiye: mongoose.model(name, schema).
// Naam aisa chuniye ki Mongoose "songs" collection pe kaam kare.
import mongoose from 'mongoose';
import { songSchema } from './song.schema.ts';

/** One saved song, as Mongoose gives it back. */
export type SongDoc = mongoose.HydratedDocument<mongoose.InferSchemaType<typeof songSchema>>;

/** The moods the schema allows: 'happy', 'sad', 'calm', 'energetic' or 'romantic'. */
export type Mood = mongoose.InferSchemaType<typeof songSchema>['mood'];

/** Creates, finds, updates and deletes songs in the `songs` collection. */
export const Song = null;
