// Mistake: the bytes go to storage AND into the record, "so everything is in one place".
import ImageKit from 'imagekit';
import mongoose from 'mongoose';

// The facts about one uploaded file: a few small values, never the file itself.
const fileRecordSchema = new mongoose.Schema({
  name: { type: String, required: true }, // "my-song.mp3"
  size: { type: Number, required: true }, // in bytes
  mimeType: { type: String, required: true }, // what kind of file: "audio/mpeg", "image/png"…
  url: { type: String, required: true }, // where storage keeps the bytes
  data: { type: Buffer }, // the whole file, inside the record
  uploadedAt: { type: Date, default: Date.now },
});

/** One saved record, as Mongoose gives it back. */
export type FileRecordDoc = mongoose.HydratedDocument<mongoose.InferSchemaType<typeof fileRecordSchema>>;

/** Reads and writes the records in the `filerecords` collection. */
export const FileRecord = mongoose.model('FileRecord', fileRecordSchema);

/** The parts of an uploaded file that multer hands you (req.file). */
export interface UploadedFile {
  buffer: Buffer;
  originalname: string;
  mimetype: string;
  size: number;
}

// The storage client, made once from the settings in the environment.
const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});

/** Stores the file's bytes in storage, then saves a small record that points to them. */
export async function saveUpload(file: UploadedFile): Promise<FileRecordDoc> {
  // 1. The big part: the bytes go to storage, which answers with a URL.
  //    `await` waits for that answer; if the upload fails, we stop right here.
  const uploaded = await imagekit.upload({ file: file.buffer, fileName: file.originalname });

  // 2. The small part: the facts about the file, with the URL instead of the bytes.
  return FileRecord.create({
    name: file.originalname,
    size: file.size,
    mimeType: file.mimetype,
    url: uploaded.url,
    data: file.buffer,
  });
}
