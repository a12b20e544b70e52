// Given with this lesson: lesson 03's Song model, with one field more. You do not need to edit this file.
// A schema can grow: this app also keeps each song's fileId, the id ImageKit gave its file,
// because deleting a file from storage later takes that id (a URL is not enough).
// Hinglish: Is lesson ke saath di gayi file: lesson 03 ka Song model, ek field zyada ke saath. Ise aapko edit
//   nahi karna hai. Schema badh sakta hai: yeh app har song ka fileId bhi rakhta hai, yaani woh id jo ImageKit ne
//   uski file ko di, kyunki baad mein storage se file delete karne ke liye wahi id chahiye (URL kaafi nahi hai).
import mongoose from 'mongoose';
import { songSchema } from './song.schema.ts';

songSchema.add({
  fileId: { type: String, required: [true, 'A song needs the fileId of its file in storage'] },
});

/** A song as this app saves it: lesson 02's fields, plus fileId. */
// add() changes the schema while the program runs; TypeScript cannot see that, so the type says it too.
export type SongFields = mongoose.InferSchemaType<typeof songSchema> & { fileId: string };

/** One saved song, as Mongoose gives it back. */
export type SongDoc = mongoose.HydratedDocument<SongFields>;

/** One of the moods the schema allows: 'happy', 'sad', 'calm', 'energetic' or 'romantic'. */
export type Mood = SongFields['mood'];

/** Creates, finds, updates and deletes songs, in the collection "songs". */
export const Song = mongoose.model<SongFields>('Song', songSchema);
