// Lesson 07's app: your whole songs app from app.ts (the page and the API), with JSON answers
// around it for paths nothing answers and for the errors your routes let through.
import express, { type Express, type RequestHandler, type Router } from 'express';
import multer from 'multer';
import { answerErrorsAsJson, malformedId, notFound, validationFailed, type KnownError } from '../shared/json-errors.ts';
import type { TryItRequest } from '../shared/try-it.ts';

/** What playground/07-songs-app/app.ts, songs.routes.ts and delete-file.ts export. */
export interface Exercise {
  createApp: () => Express;
  songRoutes: Router;
  deleteFile: (fileId: string) => Promise<unknown>;
}

/** The form field the page sends the file in, and the routes must read it from. */
const AUDIO_FIELD = 'audio';

export function createApp(exercise: Exercise): Express {
  // Without the export, app.ts imports undefined and Express only says "argument handler must be a function".
  if (typeof exercise.songRoutes !== 'function') {
    throw new Error(
      'songs.routes.ts does not export songRoutes, so app.ts cannot mount it: keep `export const songRoutes = Router();` from the starter. ' +
        'Hinglish: songs.routes.ts songRoutes ko export nahi karta, isliye app.ts use mount nahi kar sakta: starter wali `export const songRoutes = Router();` line rehne dijiye.',
    );
  }
  if (typeof exercise.createApp !== 'function') {
    throw new Error(
      'app.ts does not export createApp(): keep `export function createApp()` from the starter. ' +
        'Hinglish: app.ts createApp() export nahi karta: starter wala `export function createApp()` rehne dijiye.',
    );
  }
  const app = express();
  app.use(exercise.createApp());
  app.get('/', noPageYet);
  app.use(notFound);
  // What your routes throw (await without a try/catch) ends here: an invalid song is the client's
  // mistake (400), a storage failure a server behind us (502), a file in the wrong field 400.
  app.use(answerErrorsAsJson(validationFailed, malformedId, storageFailed, fileInWrongField));
  return app;
}

// A browser opening the app before app.ts serves public/ gets a page saying so, not raw JSON.
const noPageYet: RequestHandler = (req, res, next) => {
  if (req.accepts(['json', 'html']) !== 'html') return next();
  res
    .status(404)
    .type('html')
    .send(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No page yet</title></head><body>' +
        '<h1>No page yet</h1><p>This app does not serve its page yet. In <code>app.ts</code>, serve the ' +
        'folder <code>public/</code>: <code>app.use(express.static(pageFolder))</code>, then save.</p>' +
        '<p lang="hi-Latn">Hinglish: Yeh app abhi apna page serve nahi karta. <code>app.ts</code> mein ' +
        '<code>public/</code> folder serve kijiye: <code>app.use(express.static(pageFolder))</code>, phir save kijiye.</p>' +
        '</body></html>',
    );
};

// When the storage says no, the ImageKit SDK rejects with its answer, a plain object { message, help },
// not with an Error like Mongoose and Node do: that is how the two are told apart (as in lesson 06).
const storageFailed: KnownError = (error) => {
  const message = (error as { message?: unknown } | null)?.message;
  if (error instanceof Error || typeof message !== 'string') return undefined;
  return { status: 502, body: { ok: false, error: `The storage failed: ${message}` } };
};

// Multer's "Unexpected field": a file came in a form field the route's upload.single(…) does not read.
const fileInWrongField: KnownError = (error) => {
  if (!(error instanceof multer.MulterError) || error.code !== 'LIMIT_UNEXPECTED_FILE') return undefined;
  const message =
    error.field === AUDIO_FIELD
      ? `This route does not take a file in the form field "${AUDIO_FIELD}": it takes one file, read with upload.single('${AUDIO_FIELD}').`
      : `Send the file in the form field named "${AUDIO_FIELD}", not "${error.field}".`;
  return { status: 400, body: { ok: false, error: message } };
};

// A real, tiny WAV (one second of a 440 Hz beep) written by Node, so there is something to hear.
const makeBeep =
  `node -e "const r=8000,b=Buffer.alloc(44+r*2);b.write('RIFF',0);b.writeUInt32LE(36+r*2,4);b.write('WAVEfmt ',8);` +
  `b.writeUInt32LE(16,16);b.writeUInt16LE(1,20);b.writeUInt16LE(1,22);b.writeUInt32LE(r,24);b.writeUInt32LE(r*2,28);` +
  `b.writeUInt16LE(2,32);b.writeUInt16LE(16,34);b.write('data',36);b.writeUInt32LE(r*2,40);` +
  `for(let i=0;i<r;i++)b.writeInt16LE(Math.round(6000*Math.sin(2*Math.PI*440*i/r)),44+i*2);` +
  `require('fs').writeFileSync('beep.wav',b)"`;

export function tryIt(baseUrl: string): TryItRequest[] {
  const songs = `${baseUrl}/api/songs`;
  return [
    {
      what: `Open ${baseUrl}/ in your browser: the page. Here, its headers: 200 and text/html once app.ts serves public/.`,
      whatHinglish: `Apne browser mein ${baseUrl}/ kholiye: page. Yahan uske headers: 200 aur text/html, jab app.ts public/ serve karne lage.`,
      command: `curl -s -I ${baseUrl}/`,
    },
    {
      what: 'Make a one-second beep, beep.wav, in the current folder (an audio file to upload).',
      whatHinglish: 'Current folder mein ek second ki beep, beep.wav, banaiye (upload karne ke liye ek audio file).',
      command: makeBeep,
    },
    {
      what: 'Upload it as the page does: 201 with the song, its audio URL and its fileId.',
      whatHinglish: 'Use waise upload kijiye jaise page karta hai: 201, song, uske audio URL aur fileId ke saath.',
      command: `curl -s -F "audio=@beep.wav" -F "title=Beep" -F "artist=The Playground" -F "mood=happy" ${songs}`,
    },
    { what: 'Every song, newest first.', whatHinglish: 'Saare songs, sabse naya pehle.', command: `curl -s ${songs}` },
    { what: 'Only the happy ones.', whatHinglish: 'Sirf happy wale.', command: `curl -s "${songs}?mood=happy"` },
    {
      what: 'Delete a song and its file: put an _id from the list in place of this one (as it is: 404).',
      whatHinglish:
        'Ek song aur uski file delete kijiye: is _id ki jagah list se ek _id daaliye (jaisa hai waisa: 404).',
      command: `curl -s -i -X DELETE ${songs}/665f1c2e9b1d4a3f8c7e5d21`,
    },
    {
      what: 'The file in the wrong form field: 400, naming the field "audio".',
      whatHinglish: 'File galat form field mein: 400, field "audio" ka naam lete hue.',
      command: `curl -s -i -F "song=@beep.wav" -F "title=Beep" -F "artist=The Playground" ${songs}`,
    },
  ];
}
