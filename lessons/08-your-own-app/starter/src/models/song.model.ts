// TODO: The song's schema and its model, as in lessons 02, 03 and 07:
//   title and artist (required, trimmed), audio (a required http(s) URL), fileId (required),
//   mood (one of happy, sad, calm, energetic, romantic; calm by default), and timestamps.
//   export const Song = mongoose.model('Song', songSchema);
