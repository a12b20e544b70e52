// The SDK sends a string `file` as a plain text field, so the server has to
// tell apart base64, a data URI and a URL, and say clearly what it refuses.
import { UploadError } from './imagekit-errors.ts';

const BASE64 = /^[A-Za-z0-9+/\s]*={0,2}\s*$/;
const BASE64URL = /^[A-Za-z0-9_\-\s]*$/;

/** The longest string `file` field worth reading for a `maxBytes` limit (base64 plus a data URI header). */
export function maxStringFileLength(maxBytes: number): number {
  return Math.ceil(maxBytes / 3) * 4 + 1024;
}

/** Decodes a string `file` field (base64 or data URI) into bytes, or throws an ImageKit-style error. */
export function decodeStringFile(text: string, maxBytes: number): Buffer {
  if (/^https?:\/\//i.test(text.trim())) {
    throw new UploadError(
      400,
      'This playground storage works offline, so it cannot download a file from a URL. ' +
        'Upload the bytes instead: a Buffer, a ReadStream or a base64 string.',
    );
  }
  const bytes = text.startsWith('data:') ? decodeDataUri(text) : decodeBase64(text);
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  if (bytes.length === 0) throw new UploadError(400, 'The file parameter is empty.');
  return bytes;
}

/** The error for a file over the limit, shared by every way a file can arrive. */
export function tooLarge(maxBytes: number): UploadError {
  const megabytes = Math.round((maxBytes / (1024 * 1024)) * 100) / 100;
  return new UploadError(413, `Your file is larger than the ${megabytes} MB upload limit of this storage.`);
}

function decodeDataUri(text: string): Buffer {
  const comma = text.indexOf(',');
  if (comma < 0) throw new UploadError(400, 'The file parameter is a data URI without a comma before its data.');
  const header = text.slice(5, comma);
  const payload = text.slice(comma + 1);
  if (header.split(';').includes('base64')) return decodeBase64(payload);
  try {
    return Buffer.from(decodeURIComponent(payload), 'utf8');
  } catch {
    throw new UploadError(400, 'The file parameter is a data URI whose text is not valid percent-encoding.');
  }
}

function decodeBase64(text: string): Buffer {
  // Buffer.from skips bad characters silently; a file path sent as a string
  // (a common slip) would become garbage bytes, so check first.
  if (BASE64.test(text)) return Buffer.from(text, 'base64');
  if (BASE64URL.test(text)) return Buffer.from(text, 'base64url');
  throw new UploadError(
    400,
    'The file parameter is text that is neither base64 nor a data URI. If you passed a file path, ' +
      'pass the file itself instead: fs.createReadStream(path) or the Buffer from fs.readFile(path).',
  );
}
