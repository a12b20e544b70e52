// A model is the tool that reads and writes one collection.
import mongoose from 'mongoose';
import { songSchema } from './song.schema.ts';

/**
 * Creates, finds, updates and deletes songs. The name 'Song' becomes the
 * collection "songs": Mongoose lower-cases it and makes it plural.
 */
export const Song = mongoose.model('Song', songSchema);
