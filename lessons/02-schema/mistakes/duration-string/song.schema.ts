// Known mistake: duration is typed String, so "215" stays text and min: 0 checks nothing.
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
    mood: { type: String, enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'], default: 'calm' },
    duration: { type: String, min: 0 },
  },
  { timestamps: true },
);
