// Given: the song schema from lesson 02, turned into a model. You do not need to edit this file.
// `Song` is how the code talks to the `songs` collection: Song.create(), Song.find().
import mongoose from 'mongoose';

export const songSchema = new mongoose.Schema(
  {
    title: { type: String, required: [true, 'A song needs a title'], trim: true },
    artist: { type: String, required: [true, 'A song needs an artist'], trim: true },
    audio: {
      type: String,
      required: [true, 'A song needs an audio URL'],
      trim: true,
      match: [/^https?:\/\/\S+$/, 'The audio must be a web address starting with http:// or https://'],
    },
    mood: {
      type: String,
      enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'],
      default: 'calm',
    },
    duration: { type: Number, min: 0 },
  },
  { timestamps: true },
);

/** One saved song, as Mongoose gives it back. */
export type SongDoc = mongoose.HydratedDocument<mongoose.InferSchemaType<typeof songSchema>>;

export const Song = mongoose.model('Song', songSchema);
