// Known mistake: mood is a free String with a default, so any word at all is accepted.
import mongoose from 'mongoose';

export const songSchema = new mongoose.Schema(
  {
    title: { type: String, required: [true, 'A song needs a title'], trim: true },
    artist: { type: String, required: [true, 'A song needs an artist'], trim: true },
    audio: {
      type: String,
      required: [true, 'A song needs an audio URL'],
      match: [/^https?:\/\/\S+$/, 'The audio must be a web address starting with http:// or https://'],
    },
    mood: { type: String, default: 'calm' },
    duration: { type: Number, min: 0 },
  },
  { timestamps: true },
);
