// Given: the Song model from lesson 03. You do not need to edit this file.
// The routes use it to read and write the "songs" collection: Song.find(), Song.findById(), Song.create().
import mongoose from 'mongoose';
import { songSchema } from './song.schema.ts';

export const Song = mongoose.model('Song', songSchema);
