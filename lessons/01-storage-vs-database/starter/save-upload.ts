// TODO: Write saveUpload(file) at the bottom of this file. First send the file's bytes to
// storage with imagekit.upload({ file: file.buffer, fileName: file.originalname }) and wait
// for its answer; then save a FileRecord with the file's name, size, mimeType and the `url`
// storage gave back. Never the bytes.
// Hinglish: Is file ke neeche saveUpload(file) likhiye. Pehle file ke bytes storage mein bhejiye, is tarah:
// imagekit.upload({ file: file.buffer, fileName: file.originalname }), aur uske answer ka wait kijiye (await).
// Phir ek FileRecord save kijiye jismein file ka name, size, mimeType aur storage ka diya hua `url` ho.
// Bytes kabhi nahi.
import ImageKit from 'imagekit';
import mongoose from 'mongoose';

// The facts about one uploaded file: a few small values, never the file itself.
// This part is ready: read it, you will fill these fields in saveUpload().
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

// The storage client, made once from the settings in the environment. Ready to use.
const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});

/** Stores the file's bytes in storage, then saves a small record that points to them. */
export async function saveUpload(file: UploadedFile): Promise<FileRecordDoc> {
  // Your code here, instead of the line below: 1. upload the bytes, 2. save the record, 3. return the record.
  throw new Error(
    `saveUpload() is not written yet, so "${file.originalname}" was not saved anywhere ` +
      `(Hinglish: saveUpload() abhi likha nahi gaya hai, isliye "${file.originalname}" kahin save nahi hua).`,
  );
}
