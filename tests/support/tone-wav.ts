// A real, tiny audio file for tests that play audio in a browser: Chromium reads its
// header and knows its duration, as it would a song's.

/** A mono 16-bit PCM WAV of a tone lasting `seconds`: 8 kHz, so half a second is 8 KB. */
export function toneWav(seconds: number, frequency = 440): Buffer {
  const rate = 8000;
  const samples = Math.round(rate * seconds);
  const wave = Buffer.alloc(44 + samples * 2);
  wave.write('RIFF', 0, 'latin1');
  wave.writeUInt32LE(36 + samples * 2, 4);
  wave.write('WAVEfmt ', 8, 'latin1');
  wave.writeUInt32LE(16, 16); // size of the fmt chunk
  wave.writeUInt16LE(1, 20); // PCM
  wave.writeUInt16LE(1, 22); // one channel
  wave.writeUInt32LE(rate, 24);
  wave.writeUInt32LE(rate * 2, 28); // bytes per second
  wave.writeUInt16LE(2, 32); // bytes per sample
  wave.writeUInt16LE(16, 34); // bits per sample
  wave.write('data', 36, 'latin1');
  wave.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++)
    wave.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * frequency * i) / rate)), 44 + i * 2);
  return wave;
}
