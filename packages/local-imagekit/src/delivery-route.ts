// GET and HEAD on the URL endpoint, serving stored files like ImageKit's CDN:
// right Content-Type, byte ranges (so `<audio>` can seek), and transformation
// parts of the URL accepted and ignored.
import { createReadStream } from 'node:fs';
import { lstat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeFor } from './content-types.ts';
import { sendImageKitError } from './imagekit-errors.ts';
import { resolveInside } from './file-names.ts';

/** A byte range to send, both ends included. */
interface ByteRange {
  start: number;
  end: number;
}

/** Serves the stored file that `pathSegments` (already split, still percent-encoded) name inside `filesDir`. */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  filesDir: string,
  pathSegments: string[],
): Promise<void> {
  const segments = decodeSegments(pathSegments);
  if (!segments) return sendImageKitError(res, 400, 'That file path is not allowed.');
  // `tr:w-300,h-200` right after the endpoint asks for a transformation; the playground serves the original.
  if (segments[0]?.startsWith('tr:')) segments.shift();
  const target = segments.length > 0 ? resolveInside(filesDir, segments) : undefined;
  const stats = target ? await lstat(target).catch(() => undefined) : undefined;
  if (!target || !stats?.isFile()) return sendImageKitError(res, 404, 'The requested file does not exist.');

  const size = stats.size;
  const headers: Record<string, string | number> = {
    'Content-Type': contentTypeFor(target),
    'Accept-Ranges': 'bytes',
    'Last-Modified': stats.mtime.toUTCString(),
    'Access-Control-Allow-Origin': '*',
    'X-Content-Type-Options': 'nosniff',
  };
  const range = parseRange(req.headers.range, size);
  if (range === 'unsatisfiable') {
    return sendImageKitError(res, 416, 'The requested range is outside the file.', {
      'Content-Range': `bytes */${size}`,
    });
  }
  const status = range ? 206 : 200;
  const { start, end } = range ?? { start: 0, end: size - 1 };
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
  headers['Content-Length'] = end - start + 1; // 0 for an empty file, whose end is -1
  res.writeHead(status, headers);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  const stream = createReadStream(target, { start, end });
  // The file can vanish (storage stopping) or the client can leave mid-stream.
  stream.on('error', () => res.destroy());
  res.on('close', () => stream.destroy());
  stream.pipe(res);
}

// Decodes each segment, refusing any that could step out of the folder:
// `..`, `.`, encoded slashes or backslashes, and NUL bytes.
function decodeSegments(raw: string[]): string[] | undefined {
  const decoded: string[] = [];
  for (const segment of raw) {
    let text: string;
    try {
      text = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (text === '.' || text === '..' || /[/\\\0]/.test(text)) return undefined;
    decoded.push(text);
  }
  return decoded;
}

// One range only (`bytes=0-99`, `bytes=100-`, `bytes=-100`); anything else
// malformed is ignored and the whole file is sent, as HTTP allows.
function parseRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match || (match[1] === '' && match[2] === '')) return undefined;
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== '' && Number(match[2]) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
