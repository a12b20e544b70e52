// The one list of lessons. The runner, the tests and the honesty check all read it.
// Adding a lesson = adding its folder (see README, "Adding a lesson") and an entry here.

/** A deliberately wrong version of an exercise, kept in lessons/<slug>/mistakes/<folder>/. */
export interface KnownMistake {
  /** Folder name under lessons/<slug>/mistakes/. */
  folder: string;
  /** The mistake in a learner's words, for instructors. */
  what: string;
  /** Words the check's explanation must contain when the tests run against this mistake. */
  explains: string;
  /**
   * The bold words of the lesson's "Common mistakes" bullet about this mistake ("resolve(error)"):
   * its verdict quotes that bullet, in both languages. Without it, the verdict quotes no bullet.
   */
  warnedAs?: string;
}

/** A file a lesson gives ready-made: an earlier lesson's exercise file, as its solution has it. */
export interface GivenFile {
  /** Path relative to the lesson's folder, the same in both lessons: "song.schema.ts". */
  file: string;
  /** The earlier lesson whose solution holds it: "02-schema". */
  fromLesson: string;
}

export interface LessonEntry {
  /** Two digits: "02". */
  number: string;
  /** Folder name used in lessons/, playground/, solutions/ and tests/. */
  slug: string;
  title: string;
  titleHinglish: string;
  /** The files the learner edits, relative to playground/<slug>/. */
  exerciseFiles: string[];
  /**
   * The learner writes the whole app, server.ts included: the checks and "Run the app" start it as a
   * process of its own (`node --import tsx server.ts`), its settings in the environment, instead of
   * importing the exercise files.
   */
  ownServer?: boolean;
  /** The lesson's code uploads files: its checks, app and sandbox start the storage (the others do without). */
  storage?: boolean;
  /**
   * Earlier lessons' files this lesson builds on, copied in beside the starter from their solutions:
   * the one copy of each (none when absent). Files only this lesson gives live in its starter.
   */
  given?: GivenFile[];
  mistakes: KnownMistake[];
}

export const lessons: LessonEntry[] = [
  {
    number: '01',
    slug: '01-storage-vs-database',
    storage: true,
    title: 'Storage vs database: where a file really goes',
    titleHinglish: 'Storage vs database: file asal mein kahaan jaati hai',
    exerciseFiles: ['save-upload.ts'],
    mistakes: [
      {
        folder: 'bytes-in-database',
        what: 'Added a Buffer field to the record and saved file.buffer in it, "so everything is in one place".',
        explains: 'file bytes',
        warnedAs: 'Putting the bytes in the record',
      },
      {
        folder: 'no-await-upload',
        what: 'Gave imagekit.upload() a callback that sets url, then saved the record at once: before the URL exists.',
        explains: 'await',
        warnedAs: 'Forgetting await on the upload',
      },
      {
        folder: 'saves-file-path',
        what: 'Saved uploaded.filePath (a path inside storage) instead of uploaded.url.',
        explains: 'the url storage gave back',
        warnedAs: 'Saving the wrong field of the answer',
      },
    ],
  },
  {
    number: '02',
    slug: '02-schema',
    title: 'Schema: the design of your data',
    titleHinglish: 'Schema: aapke data ka design',
    exerciseFiles: ['song.schema.ts'],
    mistakes: [
      {
        folder: 'required-forgotten',
        what: 'Gave title and artist a type (and trim) but never made them required.',
        explains: 'required',
        warnedAs: 'Forgetting required',
      },
      {
        folder: 'mood-not-enum',
        what: 'Typed mood as a plain String with a default, so any word is accepted.',
        explains: 'enum',
        warnedAs: 'A free String where you meant a fixed list',
      },
      {
        folder: 'no-url-check',
        what: 'Made audio a required String but never checked it is an http(s) URL.',
        explains: 'URL',
        warnedAs: 'Trusting a URL field',
      },
      {
        folder: 'duration-string',
        what: 'Typed duration as String: "215" is not cast and min: 0 checks nothing.',
        explains: 'Number',
        warnedAs: 'Typing a number as String',
      },
    ],
  },
  {
    number: '03',
    slug: '03-model',
    title: 'Model: CRUD on one collection',
    titleHinglish: 'Model: ek collection pe CRUD',
    exerciseFiles: ['song.model.ts', 'songs.ts'],
    given: [{ file: 'song.schema.ts', fromLesson: '02-schema' }],
    mistakes: [
      {
        folder: 'update-returns-old',
        what: "Called findByIdAndUpdate() without returnDocument: 'after' (or new: true), so it gives back the song as it was.",
        explains: 'before the update',
        warnedAs: 'Getting the old song back from an update',
      },
      {
        folder: 'list-not-sorted',
        what: 'Listed songs with find() but never sorted them, so the oldest come first.',
        explains: 'newest first',
        warnedAs: 'No sort()',
      },
      {
        folder: 'no-run-validators',
        what: 'Updated the mood without runValidators: true, so a mood outside the enum is saved.',
        explains: 'runValidators',
        warnedAs: 'Updating without runValidators: true',
      },
      {
        folder: 'collection-name-singular',
        what: 'Passed the collection name "song" as a third argument to mongoose.model(), so songs go to "song".',
        explains: 'names the collection "songs"',
        warnedAs: 'Naming the collection yourself',
      },
    ],
  },
  {
    number: '04',
    slug: '04-router',
    title: 'express.Router: a file for each group of routes',
    titleHinglish: 'express.Router: har group of routes ki apni file',
    exerciseFiles: ['routes/songs.routes.ts', 'app.ts'],
    given: [
      { file: 'song.schema.ts', fromLesson: '02-schema' },
      { file: 'song.model.ts', fromLesson: '03-model' },
    ],
    mistakes: [
      {
        folder: 'mounted-at-wrong-path',
        what: "Mounted the router with app.use('/songs', songRoutes), so the list answers GET /songs, not GET /api/songs.",
        explains: 'mounted',
        warnedAs: 'Mounting at the wrong path',
      },
      {
        folder: 'router-repeats-prefix',
        what: "Wrote songRoutes.get('/api/songs') inside a router mounted at /api/songs: it answers /api/songs/api/songs.",
        explains: 'prefix',
        warnedAs: 'Repeating the prefix inside the router',
      },
      {
        folder: 'cast-error-crashes',
        what: 'Passed req.params.id straight to findById(): "not-an-id" throws a CastError and the route answers 500.',
        explains: 'malformed id',
        warnedAs: 'Letting a malformed id crash the route',
      },
      {
        folder: 'routes-in-app',
        what: 'Exported an empty router and kept writing every route on app in app.ts, with the full path.',
        explains: 'songs.routes.ts',
        warnedAs: 'Leaving the routes in app.ts',
      },
      {
        folder: 'answers-without-return',
        what: 'Wrote res.status(404).json(…) without return, so the route goes on and calls res.json() a second time.',
        explains: 'tried to answer twice',
        warnedAs: 'Forgetting return before an early answer',
      },
    ],
  },
  {
    number: '05',
    slug: '05-upload-file',
    storage: true,
    title: 'uploadFile(): a callback wrapped in a Promise',
    titleHinglish: 'uploadFile(): callback ko Promise mein lapetna',
    exerciseFiles: ['upload-file.ts'],
    mistakes: [
      {
        folder: 'resolve-never-called',
        what: 'Logged the result in the callback but never called resolve(), so await uploadFile() waits forever.',
        explains: 'never settled',
        warnedAs: 'Forgetting resolve',
      },
      {
        folder: 'reject-never-called',
        what: 'Only logged the error of a failed upload and never called reject(), so the caller waits forever.',
        explains: 'reject(error)',
        warnedAs: 'Only logging the error',
      },
      {
        folder: 'returns-before-upload',
        what: 'No Promise: set a variable in the callback and returned it right away, while it is still undefined.',
        explains: 'not a Promise',
        warnedAs: 'Returning the variable instead of a promise',
      },
      {
        folder: 'resolves-error',
        what: 'Called resolve(error || result), so a failed upload comes back as a success holding the error.',
        explains: 'reject(error)',
        warnedAs: 'resolve(error)',
      },
      {
        folder: 'settles-twice',
        what: 'Called resolve(result) before checking the error: a failed upload resolves with null and the reject() after it is ignored.',
        explains: 'settles only once',
        warnedAs: 'Resolving before checking the error',
      },
    ],
  },
  {
    number: '06',
    slug: '06-await-pitfalls',
    storage: true,
    title: 'await pitfalls: wait for the upload before you answer',
    titleHinglish: 'await ke pitfalls: answer dene se pehle wait kijiye',
    exerciseFiles: ['songs.routes.ts', 'save-songs.ts'],
    given: [
      { file: 'song.schema.ts', fromLesson: '02-schema' },
      { file: 'song.model.ts', fromLesson: '03-model' },
      { file: 'upload-file.ts', fromLesson: '05-upload-file' },
    ],
    mistakes: [
      {
        folder: 'missing-await',
        what: 'Wrote `const song = saveSong(req.file, req.body)` without await: the route answers 201 with {} before the song exists.',
        explains: 'await',
        warnedAs: 'const song = saveSong(...)',
      },
      {
        folder: 'foreach-async',
        what: 'Saved the batch with uploads.forEach(async ...): forEach does not wait, so saveSongs() returns an empty list.',
        explains: 'forEach',
        warnedAs: 'forEach(async ...)',
      },
      {
        folder: 'error-not-caught',
        what: "Awaited everything but left out try/catch: a failed upload becomes a vague 500 instead of a 502 with the storage's message.",
        explains: 'catch',
      },
      {
        folder: 'sequential-uploads',
        what: 'Replaced forEach with `for (const file of files) await uploadFile(...)`: correct, but the uploads go one after another.',
        explains: 'one after another',
        warnedAs: 'for...of with await for independent uploads',
      },
    ],
  },
  {
    number: '07',
    slug: '07-songs-app',
    storage: true,
    title: 'The songs app: every piece together, in a browser',
    titleHinglish: 'Songs app: saare pieces ek saath, browser mein',
    exerciseFiles: ['app.ts', 'songs.routes.ts', 'delete-file.ts'],
    given: [
      { file: 'song.schema.ts', fromLesson: '02-schema' },
      { file: 'upload-file.ts', fromLesson: '05-upload-file' },
    ],
    mistakes: [
      {
        folder: 'upload-not-awaited',
        what: 'Wrote `const uploaded = uploadFile(...)` without await, then saved the song with uploaded.url: a Promise has no url, so the song has no audio.',
        explains: 'await uploadFile',
        warnedAs: 'uploadFile() without await',
      },
      {
        folder: 'file-left-in-storage',
        what: 'DELETE removes the song from MongoDB but never calls deleteFile(): its file stays in storage forever, reachable by its URL.',
        explains: 'still in storage',
        warnedAs: 'Deleting only the song',
      },
      {
        folder: 'mood-filter-undefined',
        what: 'Listed with Song.find({ mood: req.query.mood }): without ?mood= that asks for songs whose mood is undefined, and finds none.',
        explains: '{ mood: undefined }',
        warnedAs: 'Song.find({ mood: req.query.mood })',
      },
      {
        folder: 'mounted-at-wrong-path',
        what: "Mounted the router with app.use('/songs', songRoutes): the page calls /api/songs, which nothing answers.",
        explains: 'mounted',
      },
      {
        folder: 'field-name-mismatch',
        what: 'Read the file with upload.single(\'file\') while the page sends it in the form field "audio": multer refuses every upload.',
        explains: "upload.single('audio')",
        warnedAs: 'A field name that does not match',
      },
      {
        folder: 'uploads-invalid-song',
        what: 'Uploaded first and let Song.create() check the fields: a song without an artist gets its 400, and its file stays in storage, belonging to no song.',
        explains: 'before uploading',
        warnedAs: 'Uploading before checking',
      },
      {
        folder: 'delete-never-settles',
        what: "deleteFile() only logs the SDK's error in its callback and never calls resolve() or reject(): DELETE /api/songs/:id waits forever.",
        explains: 'never settled',
        warnedAs: 'A deleteFile() that never settles',
      },
    ],
  },
  {
    number: '08',
    slug: '08-your-own-app',
    storage: true,
    ownServer: true,
    title: 'Your own songs app, from an empty folder',
    titleHinglish: 'Apna songs app, khaali folder se',
    exerciseFiles: [
      'server.ts',
      'src/app.ts',
      'src/config/env.ts',
      'src/db/db.ts',
      'src/services/storage.service.ts',
      'src/models/song.model.ts',
      'src/routes/song.routes.ts',
      '.env.example',
    ],
    given: [
      { file: 'public/index.html', fromLesson: '07-songs-app' },
      { file: 'public/songs.js', fromLesson: '07-songs-app' },
      { file: 'public/style.css', fromLesson: '07-songs-app' },
    ],
    mistakes: [
      {
        folder: 'listens-before-connect',
        what: 'Called app.listen() first and connectDB() after it, so the app takes requests before it has a database.',
        explains: 'before its database connection',
        warnedAs: 'Listening before connecting',
      },
      {
        folder: 'secret-in-source',
        what: 'Wrote the ImageKit keys into storage.service.ts instead of reading them from the environment.',
        explains: 'keep secrets in .env',
        warnedAs: 'Keys written in the code',
      },
      {
        folder: 'no-missing-check',
        what: 'Read process.env.MONGODB_URI! and the IMAGEKIT_* keys without checking them: a missing one crashes deep in a library, with a stack.',
        explains: 'one sentence',
        warnedAs: 'No check for a missing variable',
      },
      {
        folder: 'no-error-handler',
        what: "Left out the JSON error handler: an invalid song gets Express's HTML error page with status 500.",
        explains: 'error handler',
        warnedAs: 'No JSON error handler',
      },
      {
        folder: 'no-signal-handler',
        what: 'Never listened for SIGTERM: the process is ended by the signal itself, mid-request, with nothing closed.',
        explains: "process.on('SIGTERM'",
        warnedAs: 'No SIGTERM handler',
      },
      {
        folder: 'sigterm-keeps-running',
        what: 'On SIGTERM closed only the server: the open database connection keeps the process running until it is killed.',
        explains: 'still running',
        warnedAs: 'SIGTERM closes only the server',
      },
      {
        folder: 'exits-with-connection-open',
        what: 'On SIGTERM called process.exit(0) at once, without closing the server or the database connection.',
        explains: 'connection still open',
        warnedAs: 'Exiting with the connection open',
      },
      {
        folder: 'page-from-working-folder',
        what: "Served the page with express.static('public'): found from the folder the app is started in, not from app.ts.",
        explains: 'working folder',
        warnedAs: 'The page from the working folder',
      },
    ],
  },
];
