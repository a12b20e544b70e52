// Given: the song schema from lesson 02. You do not need to edit this file.
// Mongoose checks every song against this schema before MongoDB ever sees it.
import mongoose from 'mongoose';

export const songSchema = new mongoose.Schema(
  {
    // `trim` cuts the spaces around the value first, so a title of only spaces counts as missing.
    title: { type: String, required: [true, 'A song needs a title'], trim: true },
    artist: { type: String, required: [true, 'A song needs an artist'], trim: true },

    // We store where the song lives on the web, never the file itself.
    audio: {
      type: String,
      required: [true, 'A song needs an audio URL'],
      match: [/^https?:\/\/\S+$/, 'The audio must be a web address starting with http:// or https://'],
    },

    // Only these moods are allowed; a song sent without one gets 'calm'.
    mood: {
      type: String,
      enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'],
      default: 'calm',
    },

    // Seconds. Optional, but never negative. "215" sent as text is cast to the number 215.
    duration: { type: Number, min: 0 },
  },
  // Adds createdAt and updatedAt, filled in by Mongoose on every save.
  { timestamps: true },
);
