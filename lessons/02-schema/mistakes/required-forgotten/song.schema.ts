// Known mistake: title and artist have a type and trim, but nobody made them required.
import mongoose from 'mongoose';

export const songSchema = new mongoose.Schema(
  {
    title: { type: String, trim: true },
    artist: { type: String, trim: true },
    audio: {
      type: String,
      required: [true, 'A song needs an audio URL'],
      match: [/^https?:\/\/\S+$/, 'The audio must be a web address starting with http:// or https://'],
    },
    mood: { type: String, enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'], default: 'calm' },
    duration: { type: Number, min: 0 },
  },
  { timestamps: true },
);
