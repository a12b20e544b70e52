// The commands a driver sends before and around real work: the hello handshake,
// ping, buildInfo and friends. They describe a standalone mongod 7.0.
import type { CommandHandler } from './command-context.ts';
import { MAX_BSON_BYTES, MAX_MESSAGE_BYTES } from './wire-protocol.ts';

const hello: CommandHandler = (ctx) => ({
  helloOk: true,
  ismaster: true,
  isWritablePrimary: true,
  maxBsonObjectSize: MAX_BSON_BYTES,
  maxMessageSizeBytes: MAX_MESSAGE_BYTES,
  maxWriteBatchSize: 100_000,
  localTime: new Date(),
  logicalSessionTimeoutMinutes: 30,
  connectionId: ctx.connectionId,
  minWireVersion: 0,
  maxWireVersion: 21,
  readOnly: false,
  // No saslSupportedMechs: the stand-in has no users, so drivers skip authentication.
  ok: 1,
});

const buildInfo: CommandHandler = () => ({
  version: '7.0.0',
  gitVersion: 'playground-standin',
  versionArray: [7, 0, 0, 0],
  bits: 64,
  debug: false,
  maxBsonObjectSize: MAX_BSON_BYTES,
  storageEngines: ['standin-memory'],
  modules: [],
  ok: 1,
});

const ok: CommandHandler = () => ({ ok: 1 });

/** Handshake and server-information commands. */
export const handshakeCommands: Record<string, CommandHandler> = {
  hello,
  isMaster: hello,
  ismaster: hello,
  ping: ok,
  buildInfo,
  buildinfo: buildInfo,
  endSessions: ok,
  killSessions: ok,
  killAllSessions: ok,
  refreshSessions: ok,
  startSession: () => ({ id: { id: crypto.randomUUID() }, timeoutMinutes: 30, ok: 1 }),
  whatsmyuri: () => ({ you: '127.0.0.1:0', ok: 1 }),
  getParameter: (ctx) => ({ featureCompatibilityVersion: { version: '7.0' }, ...pick(ctx.body), ok: 1 }),
  getCmdLineOpts: () => ({ argv: ['standin'], parsed: {}, ok: 1 }),
  hostInfo: () => ({ system: { hostname: 'localhost' }, os: {}, extra: {}, ok: 1 }),
  serverStatus: () => ({
    host: 'localhost',
    version: '7.0.0',
    process: 'standin',
    uptime: process.uptime(),
    localTime: new Date(),
    ok: 1,
  }),
  connectionStatus: () => ({ authInfo: { authenticatedUsers: [], authenticatedUserRoles: [] }, ok: 1 }),
  getLastError: () => ({ n: 0, err: null, ok: 1 }),
  getLog: () => ({ totalLinesWritten: 0, log: [], ok: 1 }),
  logout: ok,
  // Index builds and writes finish synchronously here, so there is nothing to wait for.
  fsync: ok,
};

// getParameter answers only the parameters asked for that it knows.
function pick(body: Record<string, unknown>): Record<string, unknown> {
  const known: Record<string, unknown> = { authenticationMechanisms: [], requireApiVersion: false, notablescan: false };
  const out: Record<string, unknown> = {};
  for (const name of Object.keys(body)) if (name in known) out[name] = known[name];
  return out;
}
