// Given with lesson 07: which kind of audio a file is, read from its first bytes. A file's name
// ("song.mp3") and the type the browser sends (audio/mpeg) are only what the sender claims; the
// bytes are what the file is. Each audio format starts with its own mark.
// Hinglish: Lesson 07 ke saath di gayi file: file kis tarah ka audio hai, yeh uske pehle bytes padh kar batati
//   hai. File ka naam ("song.mp3") aur browser ka bheja type (audio/mpeg) sirf bhejne waale ka daava hain; file
//   asal mein kya hai, yeh bytes batate hain. Har audio format apne ek khaas nishaan se shuru hota hai.

/** The audio type of `bytes` ('audio/mpeg', 'audio/wav', …), or undefined when they are no audio file. */
export function audioTypeOf(bytes: Buffer): string | undefined {
  const text = (from: number, to: number) => bytes.subarray(from, to).toString('latin1');
  if (text(0, 3) === 'ID3') return 'audio/mpeg'; // an MP3 with its tags first
  if (bytes[0] === 0xff && (bytes[1] & 0xe0) === 0xe0) return 'audio/mpeg'; // an MP3 (or AAC) frame
  if (text(0, 4) === 'RIFF' && text(8, 12) === 'WAVE') return 'audio/wav';
  if (text(0, 4) === 'OggS') return 'audio/ogg';
  if (text(0, 4) === 'fLaC') return 'audio/flac';
  if (text(4, 8) === 'ftyp') return 'audio/mp4'; // .m4a
  if (bytes.subarray(0, 4).equals(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]))) return 'audio/webm';
  return undefined;
}
