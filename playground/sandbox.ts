// Your sandbox: try anything here, then run `npm run sandbox`.
// The database and the storage are already started and Mongoose is connected,
// so you can save documents and upload files right away. Change it all you like.
import mongoose from 'mongoose';
import ImageKit from 'imagekit';

// A tiny model: a note with some text. (A model is a schema put to work on a collection.)
const Note = mongoose.model(
  'Note',
  new mongoose.Schema({ text: { type: String, required: true } }, { timestamps: true }),
);

// Save one document, then list them all.
await Note.create({ text: 'Hello from the sandbox!' });
const notes = await Note.find();
console.log(`The notes collection holds ${notes.length} note(s):`);
for (const note of notes) console.log(`  - ${note.text} (saved ${note.createdAt.toLocaleTimeString()})`);

// The storage client, made from the settings the sandbox puts in the environment.
const imagekit = new ImageKit({
  publicKey: process.env.IMAGEKIT_PUBLIC_KEY!,
  privateKey: process.env.IMAGEKIT_PRIVATE_KEY!,
  urlEndpoint: process.env.IMAGEKIT_URL_ENDPOINT!,
  uploadEndpoint: process.env.IMAGEKIT_UPLOAD_ENDPOINT,
});

// Upload a small file made from text, and see where it lives now.
const uploaded = await imagekit.upload({ file: Buffer.from('la la la'), fileName: 'hello.txt' });
console.log(`Uploaded ${uploaded.name} (${uploaded.size} bytes): ${uploaded.url}`);
