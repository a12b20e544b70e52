// Choosing the playground database: forced tiers, clear errors, and a learner's own
// server (MONGODB_URI) where only the playground's database is ever dropped.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { databaseLine } from '../../src/database/database-line.ts';
import { databaseUri } from '../../src/database/database-uri.ts';
import { chooseDatabaseKind, DatabaseStartError, startDatabase } from '../../src/database/start-database.ts';
import { startStandin } from '@playground/offline-mongodb';
import { memoryServerUnavailable } from '../../src/database/memory-server.ts';

const savedEnv = { ...process.env };
// The errors speak the language the learner saved: this file's own progress says which, never the learner's.
const progressFolder = mkdtempSync(path.join(tmpdir(), 'start-database-progress-'));
const progressFile = path.join(progressFolder, 'progress.json');
process.env.PLAYGROUND_PROGRESS_FILE = progressFile;
afterAll(() => rmSync(progressFolder, { recursive: true, force: true }));
afterEach(() => {
  rmSync(progressFile, { force: true });
  for (const key of [
    'PLAYGROUND_PROGRESS_FILE',
    'PLAYGROUND_DB',
    'MONGODB_URI',
    'MONGOMS_SYSTEM_BINARY',
    'MONGOMS_DOWNLOAD_MIRROR',
    'MONGOMS_VERSION',
  ]) {
    if (savedEnv[key] === undefined) delete process.env[key];
    else process.env[key] = savedEnv[key];
  }
  process.env.PLAYGROUND_PROGRESS_FILE = progressFile;
});

describe('PLAYGROUND_DB=standin', () => {
  it('starts the stand-in with a database name of its own in the URI', async () => {
    process.env.PLAYGROUND_DB = 'standin';
    const database = await startDatabase({ quiet: true });
    expect(database.kind).toBe('standin');
    expect(database.dbName).toMatch(/^playground_[a-z0-9]{6}_\d+_[a-z0-9]{6}$/);
    expect(database.uri).toMatch(new RegExp(`^mongodb://127\\.0\\.0\\.1:\\d+/${database.dbName}$`));
    expect(databaseLine(database.kind, 'en', database.uri)).toMatch(/not a real mongod/);
    const client = await MongoClient.connect(database.uri);
    expect(await client.db().command({ ping: 1 })).toMatchObject({ ok: 1 });
    await client.close();
    await database.stop();
    await database.stop(); // stopping twice is fine
  });
});

describe('a check (allowDownload: false)', () => {
  it('counts only a mongod already on this machine, never one it would have to download', async () => {
    // A download host that resolves: a first use may download from it, a check may not.
    process.env.MONGOMS_VERSION = '0.0.1';
    process.env.MONGOMS_DOWNLOAD_MIRROR = 'https://localhost';
    expect(await memoryServerUnavailable(true)).toBeUndefined();
    expect(await memoryServerUnavailable(false)).toMatch(/not downloaded yet/);
    const database = await startDatabase({ quiet: true, allowDownload: false });
    expect(database.kind).toBe('standin');
    await database.stop();
  });
});

describe('chooseDatabaseKind (the menu says it before a check starts)', () => {
  it('takes PLAYGROUND_DB first, then MONGODB_URI, then a mongod on this machine, then the stand-in', async () => {
    process.env.MONGOMS_VERSION = '0.0.1';
    process.env.MONGOMS_DOWNLOAD_MIRROR = 'https://localhost';
    process.env.MONGODB_URI = 'mongodb://127.0.0.1:1';
    process.env.PLAYGROUND_DB = 'memory-server';
    expect(await chooseDatabaseKind(false)).toBe('memory-server');
    delete process.env.PLAYGROUND_DB;
    expect(await chooseDatabaseKind(false)).toBe('external');
    delete process.env.MONGODB_URI;
    expect(await chooseDatabaseKind(false)).toBe('standin');
    expect(await chooseDatabaseKind(true)).toBe('memory-server');
    process.env.PLAYGROUND_DB = 'postgres';
    await expect(chooseDatabaseKind(false)).rejects.toThrow(DatabaseStartError);
  });
});

describe('PLAYGROUND_DB=memory-server that cannot start', () => {
  it('explains the problem when the configured mongod binary is missing', async () => {
    process.env.PLAYGROUND_DB = 'memory-server';
    process.env.MONGOMS_SYSTEM_BINARY = '/nonexistent/mongod';
    const error = await startDatabase({ quiet: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(/Could not start a real MongoDB/);
  });

  it('gives up quickly when mongod is not cached and the download host does not resolve', async () => {
    process.env.PLAYGROUND_DB = 'memory-server';
    process.env.MONGOMS_VERSION = '0.0.1';
    process.env.MONGOMS_DOWNLOAD_MIRROR = 'https://playground-offline-check.invalid';
    const error = await startDatabase({ quiet: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(/cannot be reached/);
    writeFileSync(progressFile, JSON.stringify({ language: 'hinglish', lessons: {} }));
    const said = await startDatabase({ quiet: true }).catch((e: unknown) => e);
    expect((said as Error).message).toMatch(
      /^mongodb-memory-server se asli MongoDB start nahi ho paaya: mongod abhi download nahi hua hai aur playground-offline-check\.invalid tak pahunch nahi pa rahe/,
    );
  });
});

describe('PLAYGROUND_DB set to something else', () => {
  it('rejects an unknown PLAYGROUND_DB value with the allowed ones', async () => {
    process.env.PLAYGROUND_DB = 'postgres';
    await expect(startDatabase({ quiet: true })).rejects.toThrow(/external, memory-server, standin/);
  });

  it('says so in Hinglish to a learner who chose Hinglish', async () => {
    writeFileSync(progressFile, JSON.stringify({ language: 'hinglish', lessons: {} }));
    process.env.PLAYGROUND_DB = 'postgres';
    await expect(startDatabase({ quiet: true })).rejects.toThrow(
      'PLAYGROUND_DB "postgres" hai, lekin yeh sirf external, memory-server, standin ho sakta hai (ya ise unset kijiye, taaki playground khud chune).',
    );
    process.env.PLAYGROUND_DB = 'external';
    delete process.env.MONGODB_URI;
    await expect(startDatabase({ quiet: true })).rejects.toThrow(
      /^PLAYGROUND_DB "external" hai, lekin MONGODB_URI set nahi hai\./,
    );
  });
});

describe('MONGODB_URI (your own server)', () => {
  it('works in a generated database and drops only that one at stop', async () => {
    const server = await startStandin();
    const owner = await MongoClient.connect(server.uri);
    await owner.db('keepme').collection('notes').insertOne({ text: 'do not touch' });

    process.env.MONGODB_URI = `${server.uri}/?appName=learner`;
    const database = await startDatabase({ quiet: true });
    expect(database.kind).toBe('external');
    expect(database.serverUri).toBe(process.env.MONGODB_URI);

    // The lesson world's way in: the server as given, the database by name (mongoose's dbName).
    const learner = await mongoose.createConnection(database.serverUri, { dbName: database.dbName }).asPromise();
    await learner.collection('songs').insertOne({ title: 'mine' });
    await learner.close();
    // The URI printed for mongosh or Compass names the same database.
    expect(database.uri).toBe(`${server.uri}/${database.dbName}?appName=learner`);
    const viewer = await MongoClient.connect(database.uri);
    expect(await viewer.db().collection('songs').countDocuments()).toBe(1);
    await viewer.close();
    expect((await owner.db().admin().listDatabases()).databases.map((d) => d.name).sort()).toEqual(
      [database.dbName, 'keepme'].sort(),
    );

    await database.stop();
    await database.stop();
    expect((await owner.db().admin().listDatabases()).databases.map((d) => d.name)).toEqual(['keepme']);
    expect(
      await owner
        .db('keepme')
        .collection('notes')
        .findOne({}, { projection: { _id: 0 } }),
    ).toEqual({ text: 'do not touch' });
    await owner.close();
    await server.stop();
  });

  it('prints a URI for its database that keeps the query string and the login database', () => {
    expect(databaseUri('mongodb+srv://u:p@cluster0.example.net/?retryWrites=true&w=majority', 'playground_a')).toBe(
      'mongodb+srv://u:p@cluster0.example.net/playground_a?retryWrites=true&w=majority&authSource=admin',
    );
    expect(databaseUri('mongodb://h1:1,h2:2/app?replicaSet=rs', 'playground_b')).toBe(
      'mongodb://h1:1,h2:2/playground_b?replicaSet=rs',
    );
    expect(databaseUri('mongodb://u:p%40ss@localhost/app', 'playground_c')).toBe(
      'mongodb://u:p%40ss@localhost/playground_c?authSource=app',
    );
    expect(databaseUri('mongodb://u:p@localhost/app?authsource=other', 'playground_d')).toBe(
      'mongodb://u:p@localhost/playground_d?authsource=other',
    );
  });

  it('explains a MONGODB_URI that is not a MongoDB connection string, without its password', async () => {
    process.env.MONGODB_URI = 'http://someone:secret@example.net';
    const error = await startDatabase({ quiet: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(/^Could not reach the MongoDB server in MONGODB_URI/);
    expect((error as Error).message).not.toContain('secret');
  });
});

describe('the line saying which database is in use', () => {
  it('never shows the password of your own MongoDB', () => {
    const line = databaseLine('external', 'en', 'mongodb://learner:s3cret@db.example.com:27017/playground_x');
    expect(line).toContain('db.example.com');
    expect(line).not.toContain('s3cret');
  });
});

describe('npm run db', () => {
  it('prints the URI as its first line, serves, and exits cleanly on SIGTERM', async ({ onTestFinished }) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'db-cli-'));
    onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
    const progressFile = path.join(folder, 'progress.json');
    writeFileSync(progressFile, JSON.stringify({ language: 'hinglish', lessons: {} }));
    const cli = fileURLToPath(new URL('../../src/database/cli.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0'], {
      env: { ...process.env, PLAYGROUND_DB: 'standin', PLAYGROUND_PROGRESS_FILE: progressFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const stderrEnded = new Promise((resolve) => child.stderr!.once('end', resolve));
    const firstLine = await new Promise<string>((resolve) =>
      createInterface({ input: child.stdout! }).once('line', resolve),
    );
    expect(firstLine).toMatch(/^mongodb:\/\/127\.0\.0\.1:\d+\/playground_[a-z0-9_]+$/);
    const client = await MongoClient.connect(firstLine);
    expect(await client.db().command({ ping: 1 })).toMatchObject({ ok: 1 });
    await client.close();
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    await stderrEnded;
    // The same URI as the line an app's .env takes (lesson 08's, exported), said in the language chosen in the menu.
    expect(stderr.split('\n')).toContain(`MONGODB_URI=${firstLine}`);
    expect(stderr).toContain('Band karne ke liye Ctrl-C dabaiye.');
    expect(stderr).toContain('offline stand-in database: MongoDB ki language bolta hai');
  });
});
