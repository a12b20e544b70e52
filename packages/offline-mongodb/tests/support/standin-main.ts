// The stand-in in a process of its own: prints its connection string, runs until SIGTERM.
import { startStandin } from '../../src/server.ts';

const standin = await startStandin({ port: 0 });
console.log(standin.uri);
process.once('SIGTERM', () => void standin.stop());
