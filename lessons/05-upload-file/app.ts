// Lesson 05's app: send one file to POST /api/upload and your uploadFile() stores it.
// The route only awaits your promise: the waiting and the errors are uploadFile()'s job.
import express, { type Express } from 'express';
import multer from 'multer';
import { answerErrorsAsJson } from '../shared/json-errors.ts';
import type { TryItRequest } from '../shared/try-it.ts';

/** What the storage tells about a stored file (the part this app uses). */
export interface StoredFile {
  url: string;
  fileId: string;
  size: number;
  name: string;
}

/** What playground/05-upload-file/upload-file.ts exports. */
export interface Exercise {
  uploadFile(buffer: Buffer, fileName: string): Promise<StoredFile>;
}

// multer reads the multipart body; memoryStorage keeps the file in req.file.buffer, never on disk.
// 25 MB is the upload limit of ImageKit's free plan.
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 25 * 1024 * 1024 } });

/** The message an upload error carries: ImageKit's errors are plain objects with a `message`. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : 'no reason given';
}

export function createApp({ uploadFile }: Exercise): Express {
  const app = express();
  app.use(express.json());

  // POST /api/upload, with the file in the form field "file".
  app.post('/api/upload', upload.single('file'), async (req, res) => {
    if (!req.file) {
      return res
        .status(400)
        .json({ ok: false, error: 'Send one file in the form field "file" (curl -F "file=@song.mp3").' });
    }
    let stored: StoredFile;
    try {
      stored = await uploadFile(req.file.buffer, req.file.originalname);
    } catch (error) {
      // The storage said no: not our server's bug, so 502 (a server behind us failed), in plain words.
      return res.status(502).json({ ok: false, error: `The storage did not take the file: ${messageOf(error)}` });
    }
    if (!stored?.url) {
      return res.status(502).json({ ok: false, error: 'uploadFile() finished without a URL from the storage.' });
    }
    const { url, fileId, size, name } = stored;
    res.status(201).json({ ok: true, url, fileId, size, name });
  });

  // Errors nobody caught leave as JSON too: a file over the limit, a broken form, or a crash.
  app.use(answerErrorsAsJson());

  return app;
}

export function tryIt(baseUrl: string): TryItRequest[] {
  const url = `${baseUrl}/api/upload`;
  return [
    {
      what: 'Upload a file (package.json is right here): 201 with its url, fileId, size and name.',
      whatHinglish: 'Ek file upload kijiye (package.json yahin hai): 201, uske url, fileId, size aur name ke saath.',
      command: `curl -s -F "file=@package.json" ${url}`,
    },
    {
      what: 'The same file under another name: your file name is kept, with a few random characters added.',
      whatHinglish: 'Wahi file doosre naam se: aapka file name rehta hai, bas kuch random characters jud jaate hain.',
      command: `curl -s -F "file=@package.json;filename=my-song.mp3" ${url}`,
    },
    {
      what: 'Open the url from the answer: the storage serves back the very same bytes.',
      whatHinglish: 'Answer wala url kholiye: storage bilkul wahi bytes wapas deta hai.',
      command: `curl -s "$(curl -s -F "file=@package.json" ${url} | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).url')"`,
    },
    {
      what: 'No file in the form: 400 with a plain message.',
      whatHinglish: 'Form mein koi file nahi: 400, seedhe-saade message ke saath.',
      command: `curl -s -i -X POST ${url}`,
    },
  ];
}
