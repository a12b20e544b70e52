// TODO: The song's schema and its model, as in lessons 02, 03 and 07:
//   title and artist (required, trimmed), audio (a required http(s) URL), fileId (required),
//   mood (one of happy, sad, calm, energetic, romantic; calm by default), and timestamps.
//   export const Song = mongoose.model('Song', songSchema);
// Hinglish: Song ka schema aur uska model, jaise lesson 02, 03 aur 07 mein:
//   title aur artist (required, trimmed), audio (required http(s) URL), fileId (required),
//   mood (happy, sad, calm, energetic, romantic mein se ek; default calm), aur timestamps.
//   export const Song = mongoose.model('Song', songSchema);
