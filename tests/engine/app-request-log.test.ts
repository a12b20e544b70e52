// The running lesson app's request log, around a small app on the stand-in: it lists the app's
// own queries (with the sort as the code wrote it) and never the log's own reads of the
// database; "after the answer … was sent" holds only what the app did after answering; an
// error no route caught is said under its request, in the learner's language.
import http, { type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripVTControlCharacters } from 'node:util';
import mongoose, { type Connection } from 'mongoose';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { answerErrorsAsJson } from '../../lessons/shared/json-errors.ts';
import { attachQueryLog } from '../../src/apps/query-log.ts';
import { reportRequests } from '../../src/apps/request-report.ts';
import { watchDatabaseClient } from '../../src/lessons/progress-clock.ts';
import { startStandin, type RunningStandin } from '@playground/offline-mongodb';

let standin: RunningStandin;
let connection: Connection;
let server: http.Server;
let url: string;
const printed: string[] = [];
let onPrint = () => {};

// Like lesson 06's starter: the song is saved after the answer has left.
const app: RequestListener = (req, res) => {
  const songs = connection.db!.collection('songs');
  if (req.method === 'POST') {
    res.statusCode = 201;
    res.end('{}');
    setTimeout(() => void songs.insertOne({ title: 'Kesariya', createdAt: new Date() }), 20);
  } else if (req.method === 'GET') {
    void songs
      .find({})
      .sort({ createdAt: -1 })
      .toArray()
      .then((list) => res.end(JSON.stringify(list)));
  } else {
    res.statusCode = 400; // DELETE /songs/nope: not an id, so no query at all
    res.end();
  }
};

beforeAll(async () => {
  standin = await startStandin();
  // Mongoose's own driver, as the lesson apps use it (its driver sends the sort as a Map).
  connection = await mongoose.createConnection(`${standin.uri}/request-log`, { monitorCommands: true }).asPromise();
  watchDatabaseClient(connection.getClient());
  const queryLog = attachQueryLog(connection.getClient());
  const print = (text: string) => {
    printed.push(stripVTControlCharacters(text));
    onPrint();
  };
  server = http.createServer(reportRequests(app, { queryLog, db: connection.db, width: 200, print }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await connection?.close();
  await standin?.stop();
});

/** Resolves once the log has printed a report starting with `head`. */
function reported(head: string): Promise<void> {
  return new Promise((resolve) => {
    onPrint = () => {
      if (printed.some((text) => text.startsWith(head))) resolve();
    };
    onPrint();
  });
}

/**
 * The log of one request: it is sent, then a GET. Requests are logged one at a time, so once
 * the GET's report is printed, the first one's (with what came after its answer) is complete.
 */
async function logOf(method: string, path: string): Promise<string> {
  printed.length = 0;
  await (await fetch(`${url}${path}`, { method })).arrayBuffer();
  await (await fetch(`${url}/songs`)).arrayBuffer();
  await reported('→ GET /songs');
  const all = printed.join('\n');
  return all.slice(0, all.lastIndexOf('→ GET /songs'));
}

describe('POST /songs, saving after the answer (lesson 06)', () => {
  it('shows the save under "after the answer", and none of the log\'s own reads', async () => {
    const log = await logOf('POST', '/songs');
    const [answered, after] = log.split('after the answer to POST /songs was sent:');
    expect(answered).toContain('no database queries');
    expect(after).toMatch(/query {2}songs\.insert\(\{ title: "Kesariya"/);
    expect(after).toContain('+ songs inserted');
    expect(log).not.toContain('listCollections');
    expect(log).not.toContain('songs.find');
  });
});

describe('DELETE /songs/nope, answered with no query', () => {
  it('shows no database queries and nothing after the answer', async () => {
    const log = await logOf('DELETE', '/songs/nope');
    expect(log).toContain('→ DELETE /songs/nope  400');
    expect(log).toContain('no database queries');
    expect(log).not.toContain('after the answer');
  });
});

describe('GET /songs, newest first', () => {
  it('shows the sort as the code wrote it', async () => {
    printed.length = 0;
    await (await fetch(`${url}/songs`)).arrayBuffer();
    await reported('→ GET /songs');
    expect(printed.join('\n')).toContain('query  songs.find({}, { sort: { createdAt: -1 } }) → 1 document');
  });
});

describe('a lesson app whose route goes wrong (lessons/shared/json-errors.ts answers for it)', () => {
  const lessonApp = express();
  lessonApp.get('/boom', () => {
    throw new Error('saveUpload() is not written yet');
  });
  lessonApp.get('/twice', (_req, res) => {
    res.status(404).json({ ok: false });
    res.json({ ok: true });
  });
  lessonApp.use(answerErrorsAsJson());
  const said: string[] = [];
  let lessonUrl = '';
  beforeAll(async () => {
    const report = reportRequests(lessonApp, {
      queryLog: attachQueryLog(connection.getClient()),
      db: undefined,
      width: 200,
      language: 'hinglish',
      print: (text) => said.push(stripVTControlCharacters(text)),
    });
    const lessonServer = http.createServer(report);
    await new Promise<void>((resolve) => lessonServer.listen(0, '127.0.0.1', resolve));
    lessonUrl = `http://127.0.0.1:${(lessonServer.address() as AddressInfo).port}`;
    return () => new Promise<void>((resolve) => lessonServer.close(() => resolve()));
  });

  it("says under the request, in the learner's language, what the code threw and that no route caught it", async () => {
    said.length = 0;
    expect((await fetch(`${lessonUrl}/boom`)).status).toBe(500);
    await vi.waitFor(() => expect(said).toHaveLength(1));
    expect(said[0].split('\n')).toEqual([
      expect.stringMatching(/^→ GET \/boom {2}500 {2}\d+ ms$/),
      '    Aapke code ne ek error throw kiya jise kisi route ne catch nahi kiya, isliye app ne 500 answer kiya:',
      '      saveUpload() is not written yet',
    ]);
  });

  it("says in the learner's language that a route answered twice, and where the return goes", async () => {
    said.length = 0;
    expect((await fetch(`${lessonUrl}/twice`)).status).toBe(404);
    await vi.waitFor(() =>
      expect(said.join('\n')).toContain(
        '  GET /twice: Aapke route ne answer de diya, phir aage chal kar dobara answer karne ki koshish ki:\n' +
          '    Cannot set headers after they are sent to the client\n' +
          '  Pehle waale answer ke aage return lagaiye: return res.status(404).json(…).',
      ),
    );
  });
});
