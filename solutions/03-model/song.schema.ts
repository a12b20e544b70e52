// The design of one song, from lesson 02. Nothing to change here: song.model.ts uses it.
import mongoose from 'mongoose';

export const songSchema = new mongoose.Schema(
  {
    title: { type: String, required: [true, 'A song needs a title'], trim: true },
    artist: { type: String, required: [true, 'A song needs an artist'], trim: true },
    // Where the song lives on the web: the URL storage gave back (lesson 01).
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
    duration: { type: Number, min: 0 }, // seconds
  },
  { timestamps: true }, // createdAt and updatedAt, filled in by Mongoose
);
