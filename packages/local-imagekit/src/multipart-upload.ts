// Reads an upload's multipart body. The file part streams straight to a temp
// file (never into memory) and only the first bytes are kept, to read image
// sizes. Whatever goes wrong, the temp file is removed before this settles
// with an error; on success the caller owns it.
import { createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { finished } from 'node:stream/promises';
import busboy from 'busboy';
import { incomingPath } from './file-names.ts';
import { IMAGE_HEAD_BYTES } from './image-size.ts';
import { UploadError } from './imagekit-errors.ts';
import { maxStringFileLength, tooLarge } from './string-file.ts';

// ImageKit's other fields (tags, folder, customMetadata…) are short.
const MAX_OTHER_FIELD_LENGTH = 64 * 1024;

/** A file part that has been written to a temp file. */
export interface StreamedFile {
  tempPath: string;
  size: number;
  /** The first bytes of the file, for `imageSize`. */
  head: Buffer;
}

/** What an upload request carried: its text fields (a string `file` among them) and any streamed file part. */
interface UploadForm {
  fields: Map<string, string>;
  file?: StreamedFile;
}

/** Parses a multipart upload, streaming the `file` part into `incomingDir`; throws UploadError or the abort. */
export function readUploadForm(req: IncomingMessage, incomingDir: string, maxFileBytes: number): Promise<UploadForm> {
  return new Promise((resolvePromise, rejectPromise) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // One more than allowed, so reaching a limit means "too large" and not "exactly at the limit".
        limits: { fileSize: maxFileBytes + 1, fieldSize: maxStringFileLength(maxFileBytes) + 1, files: 1, fields: 50 },
      });
    } catch {
      req.resume();
      rejectPromise(new UploadError(400, 'The upload must be sent as multipart/form-data.'));
      return;
    }

    const fields = new Map<string, string>();
    let file: StreamedFile | undefined;
    let out: WriteStream | undefined;
    // Settles once the temp file is fully written (or given up); never rejects.
    let written: Promise<void> = Promise.resolve();
    let failure: unknown;
    let settled = false;

    const fail = (error: unknown): void => {
      failure ??= error;
    };
    const settle = async (): Promise<void> => {
      if (settled) return;
      settled = true;
      await written;
      if (failure === undefined) return resolvePromise({ fields, file });
      if (file) await rm(file.tempPath, { force: true }).catch(() => undefined);
      rejectPromise(failure);
    };

    parser.on('file', (name, stream) => {
      // A stream error (the client hung up) is handled through `fail`; without
      // a listener it would crash the whole server.
      stream.on('error', fail);
      if (name !== 'file' || file || fields.has('file')) {
        stream.resume(); // not ours, or a second file: read past it
        return;
      }
      const received: StreamedFile = {
        tempPath: incomingPath(incomingDir),
        size: 0,
        head: Buffer.alloc(0),
      };
      file = received;
      const heads: Buffer[] = [];
      let headBytes = 0;
      const target = createWriteStream(received.tempPath);
      out = target;
      stream.on('data', (chunk: Buffer) => {
        received.size += chunk.length;
        if (headBytes < IMAGE_HEAD_BYTES) {
          heads.push(chunk);
          headBytes += chunk.length;
        }
      });
      stream.on('limit', () => {
        // Stop writing at the limit; the rest of the body is read and thrown away
        // so the client can still read our 413 instead of a reset connection.
        fail(tooLarge(maxFileBytes));
        stream.unpipe(target);
        target.destroy();
        stream.resume();
      });
      stream.on('end', () => {
        received.head = Buffer.concat(heads);
      });
      stream.pipe(target);
      written = finished(target).catch(fail);
    });

    parser.on('field', (name, value, info) => {
      if (name === 'file') {
        if (file || fields.has('file')) return;
        if (info.valueTruncated) return fail(tooLarge(maxFileBytes));
      } else if (value.length > MAX_OTHER_FIELD_LENGTH || info.valueTruncated) {
        return fail(new UploadError(400, `The ${name} parameter is too long.`));
      }
      if (!fields.has(name)) fields.set(name, value);
    });

    parser.on('close', () => void settle());
    parser.on('error', (error: Error) => {
      fail(new UploadError(400, `The upload body is not valid multipart/form-data: ${error.message}.`));
      out?.destroy();
      req.unpipe(parser);
      req.resume();
      void settle();
    });
    // A client that hangs up mid-body never lets the parser finish.
    req.on('error', fail);
    req.on('close', () => {
      if (req.complete) return;
      fail(new Error('The client closed the connection before the upload finished.'));
      out?.destroy();
      parser.destroy();
      void settle();
    });
    req.pipe(parser);
  });
}
