// TODO: Describe a song in `songSchema` below, then run `npm run lesson -- check 02`.
//   - title:    a String, required (message 'A song needs a title'), trimmed
//   - artist:   a String, required (message 'A song needs an artist'), trimmed
//   - audio:    a String, required (message 'A song needs an audio URL'), and it must
//               start with http:// or https:// (use `match` with your own message)
//   - mood:     a String, only 'happy', 'sad', 'calm', 'energetic' or 'romantic' (`enum`),
//               'calm' by default
//   - duration: a Number of seconds, optional, never below 0 (`min`)
//   - and give every song createdAt and updatedAt: the schema option { timestamps: true }
// Hinglish: Neeche `songSchema` mein ek song ko describe kijiye, phir `npm run lesson -- check 02` chalaiye.
//   - title:    String, required (message 'A song needs a title'), trimmed
//   - artist:   String, required (message 'A song needs an artist'), trimmed
//   - audio:    String, required (message 'A song needs an audio URL'), aur yeh http:// ya https:// se
//               shuru hona chahiye (`match` use kijiye, apne message ke saath)
//   - mood:     String, sirf 'happy', 'sad', 'calm', 'energetic' ya 'romantic' (`enum`),
//               default 'calm'
//   - duration: seconds mein ek Number, optional, kabhi 0 se kam nahi (`min`)
//   - aur har song ko createdAt aur updatedAt dijiye: schema ka option { timestamps: true }
import mongoose from 'mongoose';

export const songSchema = new mongoose.Schema({
  // title:
  // artist:
  // audio:
  // mood:
  // duration:
});
