// Known mistake: audio is required, but nothing checks that it is a web address.
import mongoose from 'mongoose';

export const songSchema = new mongoose.Schema(
  {
    title: { type: String, required: [true, 'A song needs a title'], trim: true },
    artist: { type: String, required: [true, 'A song needs an artist'], trim: true },
    audio: { type: String, required: [true, 'A song needs an audio URL'] },
    mood: { type: String, enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'], default: 'calm' },
    duration: { type: Number, min: 0 },
  },
  { timestamps: true },
);
