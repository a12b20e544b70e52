// Lesson 01's app: a tiny file-sharing API. Upload a file: its bytes go to storage,
// and a small record about it (name, size, type, URL) goes to MongoDB.
// Two demo routes show why: how big a record gets, and what MongoDB says to a 20 MB document.
import express, { type Express } from 'express';
import multer from 'multer';
import mongoose from 'mongoose';
import { BSON } from 'bson';
import { answerErrorsAsJson, storageRefused, validationFailed } from '../shared/json-errors.ts';
import type { TryItRequest } from '../shared/try-it.ts';

/** An uploaded file as multer hands it over (the parts this lesson uses). */
export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

/** What lesson 01's exercise file exports. */
export interface StorageExercise {
  saveUpload(file: UploadedFile): Promise<unknown>;
  // The record's fields are the learner's to choose: the app only reads what it asks for.
  FileRecord: mongoose.Model<Record<string, unknown>>;
}

/** MongoDB's limit for one document: 16 MiB. */
const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;

// Multer keeps each upload in memory (req.file.buffer). 30 MB is enough for the demo's 20 MB file.
const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 30 * 1024 * 1024 } });

/** The size a document takes in MongoDB (BSON), in bytes. */
function bsonBytes(document: object): number {
  return BSON.calculateObjectSize(document);
}

export function createApp({ saveUpload, FileRecord }: StorageExercise): Express {
  const app = express();
  app.use(express.json());

  // Upload a file (form field "file"): your saveUpload() stores it and saves its record.
  app.post('/api/files', upload.single('file'), async (req, res) => {
    if (!req.file) {
      res.status(400).json({ ok: false, error: 'Send the file as multipart form data in a field called "file".' });
      return;
    }
    const record = await saveUpload(req.file);
    res.status(201).json({ ok: true, record });
  });

  // The records: small facts about each file. Open a record's url to get the file itself.
  app.get('/api/files', async (_req, res) => {
    const records = await FileRecord.find().sort({ uploadedAt: -1 });
    res.json({ ok: true, records });
  });

  // Demo: the newest record as MongoDB stores it, next to the same record with the bytes inside.
  app.get('/api/demo/sizes', async (_req, res) => {
    const record = await FileRecord.findOne().sort({ uploadedAt: -1 }).lean<Record<string, unknown>>();
    if (!record) {
      res.status(404).json({ ok: false, error: 'Upload a file first (POST /api/files), then ask again.' });
      return;
    }
    const size = typeof record.size === 'number' ? record.size : 0;
    const withUrl = bsonBytes(record);
    const withBytes = bsonBytes({ ...record, data: Buffer.alloc(size) });
    res.json({
      ok: true,
      file: record.name,
      fileBytes: size,
      recordWithUrlBytes: withUrl,
      recordWithFileInsideBytes: withBytes,
      mongoDbLimitBytes: MAX_DOCUMENT_BYTES,
      fitsInOneDocument: withBytes <= MAX_DOCUMENT_BYTES,
    });
  });

  // Demo: tries to save the file's bytes inside a MongoDB document and answers with what happened.
  app.post('/api/demo/bytes-in-db', upload.single('file'), async (req, res) => {
    if (!req.file) {
      res.status(400).json({ ok: false, error: 'Send the file as multipart form data in a field called "file".' });
      return;
    }
    const document = { name: req.file.originalname, size: req.file.size, data: req.file.buffer };
    const documentBytes = bsonBytes(document);
    const demo = mongoose.connection.collection('bytes_in_db_demo');
    try {
      const { insertedId } = await demo.insertOne(document);
      await demo.deleteOne({ _id: insertedId }); // it was only a demo
      const note = 'It fit, because it is under 16 MB. Try a 20 MB file to see MongoDB refuse it.';
      res.status(201).json({ ok: true, saved: true, documentBytes, note });
    } catch (error) {
      const { name, message } = error as Error;
      res.status(413).json({
        ok: false,
        saved: false,
        documentBytes,
        mongoDbLimitBytes: MAX_DOCUMENT_BYTES,
        error: { name, message },
      });
    }
  });

  // Every error thrown above ends up here and leaves as JSON: a record that breaks its schema
  // is 400, a storage that refused the upload is 502, anything else 500.
  app.use(answerErrorsAsJson(validationFailed, storageRefused));

  return app;
}

export function tryIt(baseUrl: string): TryItRequest[] {
  // A file anyone has at hand, from the project folder, and a 20 MB one made with Node itself.
  const makeBigFile = `node -e "require('fs').writeFileSync('big.bin', Buffer.alloc(20 * 1024 * 1024))"`;
  return [
    {
      what: 'Upload a file: you get back a small record with a url.',
      whatHinglish: 'Ek file upload kijiye: wapas ek chhota record milta hai, url ke saath.',
      command: `curl -s -F "file=@README.md" ${baseUrl}/api/files`,
    },
    {
      what: 'List the records: facts about each file, no file bytes.',
      whatHinglish: 'Records ki list dekhiye: har file ki jaankari, file ke bytes nahi.',
      command: `curl -s ${baseUrl}/api/files`,
    },
    {
      what: "Open a record's url, put in place of <url>: the file comes back from storage.",
      whatHinglish: 'Kisi record ka url <url> ki jagah daal kar kholiye: file storage se wapas aati hai.',
      command: 'curl -s <url>',
    },
    {
      what: 'Compare: the record with a URL vs. the same record with the file inside.',
      whatHinglish: 'Compare kijiye: URL wala record vs. wahi record jiske andar file ho.',
      command: `curl -s ${baseUrl}/api/demo/sizes`,
    },
    {
      what: 'Make a 20 MB file, then upload it the right way: it works.',
      whatHinglish: 'Ek 20 MB ki file banaiye, phir use sahi tareeke se upload kijiye: chal jaata hai.',
      command: `${makeBigFile} && curl -s -F "file=@big.bin" ${baseUrl}/api/files`,
    },
    {
      what: 'Now try to put those 20 MB inside a MongoDB document: refused.',
      whatHinglish: 'Ab wahi 20 MB ek MongoDB document ke andar daalne ki koshish kijiye: mana ho jaata hai.',
      command: `curl -s -F "file=@big.bin" ${baseUrl}/api/demo/bytes-in-db`,
    },
  ];
}
