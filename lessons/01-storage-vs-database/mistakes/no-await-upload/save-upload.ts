// Mistake: the upload is started with a callback but not waited for, so the record is saved before the URL exists.
import ImageKit from 'imagekit';
import mongoose from 'mongoose';

// The facts about one uploaded file: a few small values, never the file itself.
const fileRecordSchema = new mongoose.Schema({
  name: { type: String, required: true }, // "my-song.mp3"
  size: { type: Number, required: true }, // in bytes
  mimeType: { type: String, required: true }, // what kind of file: "audio/mpeg", "image/png"…
  url: { type: String, required: true }, // where storage keeps the bytes
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
  let url = '';
  imagekit.upload({ file: file.buffer, fileName: file.originalname }, (error, uploaded) => {
    if (uploaded) url = uploaded.url; // runs later, after the record below was already sent to the database
  });

  return FileRecord.create({
    name: file.originalname,
    size: file.size,
    mimeType: file.mimetype,
    url,
  });
}
