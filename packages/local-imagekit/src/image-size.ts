// ImageKit reports width and height for images. Reading them from the first
// bytes of the file is enough for PNG, GIF, WebP and nearly every JPEG, and
// needs no image library.

/** Pixel size of an image. */
interface ImageSize {
  width: number;
  height: number;
}

/** How many leading bytes of an upload to keep for `imageSize`. */
export const IMAGE_HEAD_BYTES = 256 * 1024;

/** Reads the pixel size from the start of a PNG, JPEG, GIF or WebP file; undefined for anything else. */
export function imageSize(head: Buffer): ImageSize | undefined {
  const size = pngSize(head) ?? gifSize(head) ?? webpSize(head) ?? jpegSize(head);
  return size && size.width > 0 && size.height > 0 ? size : undefined;
}

function pngSize(b: Buffer): ImageSize | undefined {
  const signature = '89504e470d0a1a0a';
  if (b.length < 24 || b.toString('hex', 0, 8) !== signature || b.toString('latin1', 12, 16) !== 'IHDR') return;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function gifSize(b: Buffer): ImageSize | undefined {
  const tag = b.toString('latin1', 0, 6);
  if (b.length < 10 || (tag !== 'GIF87a' && tag !== 'GIF89a')) return;
  return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

function webpSize(b: Buffer): ImageSize | undefined {
  if (b.length < 30 || b.toString('latin1', 0, 4) !== 'RIFF' || b.toString('latin1', 8, 12) !== 'WEBP') return;
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8 ') {
    // Lossy: 14-bit sizes after the key frame's start code.
    return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    // Lossless: two 14-bit sizes (minus one) packed after the 0x2f signature.
    const bits = b.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    // Extended: 24-bit sizes (minus one).
    return { width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return;
}

function jpegSize(b: Buffer): ImageSize | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return;
  let offset = 2;
  while (offset + 9 < b.length) {
    if (b[offset] !== 0xff) return;
    const marker = b[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    // SOF0..SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(offset + 5), width: b.readUInt16BE(offset + 7) };
    }
    offset += 2 + b.readUInt16BE(offset + 2);
  }
  return;
}
