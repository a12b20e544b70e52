// TODO: Wire your app in two lines, where the comments say, then open it with `npm run lesson -- run 07`:
//   1. serve the page: app.use(express.static(pageFolder)), so GET / answers public/index.html
//   2. mount songRoutes at /api/songs, the address the page calls
// Then write the routes (songs.routes.ts) and deleteFile() (delete-file.ts), and run `npm run lesson -- check 07`.
// Hinglish: Apne app ko do lines mein jodiye, wahan jahan comments bata rahe hain, phir usko
// `npm run lesson -- run 07` se kholiye:
//   1. page serve kijiye: app.use(express.static(pageFolder)), taaki GET / public/index.html ka answer de
//   2. songRoutes ko /api/songs pe mount kijiye, yahi address page call karta hai
// Phir routes (songs.routes.ts) aur deleteFile() (delete-file.ts) likhiye, aur `npm run lesson -- check 07`
// chalaiye.
import path from 'node:path';
import express, { type Express } from 'express';
import { songRoutes } from './songs.routes.ts';

// The page's files (index.html, songs.js, style.css) sit in public/, next to this file.
const pageFolder = path.join(import.meta.dirname, 'public');

export function createApp(): Express {
  const app = express();

  // 1. Serve the page here:

  // 2. Mount songRoutes here:

  return app;
}
