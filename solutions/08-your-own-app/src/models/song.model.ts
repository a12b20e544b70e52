// The design of one song (lesson 02) and the model that reads and writes the collection "songs" (lesson 03).
import mongoose from 'mongoose';

const songSchema = new mongoose.Schema(
  {
    title: { type: String, required: [true, 'A song needs a title'], trim: true },
    artist: { type: String, required: [true, 'A song needs an artist'], trim: true },
    // Where the file lives in storage, and the id a delete needs: never the file itself.
    audio: {
      type: String,
      required: [true, 'A song needs an audio URL'],
      match: [/^https?:\/\/\S+$/, 'The audio must be a web address starting with http:// or https://'],
    },
    fileId: { type: String, required: [true, 'A song needs the fileId of its file in storage'] },
    mood: { type: String, enum: ['happy', 'sad', 'calm', 'energetic', 'romantic'], default: 'calm' },
  },
  { timestamps: true },
);

export type SongFields = mongoose.InferSchemaType<typeof songSchema>;

/** One of the moods the schema allows. */
export type Mood = SongFields['mood'];

export const Song = mongoose.model('Song', songSchema);
