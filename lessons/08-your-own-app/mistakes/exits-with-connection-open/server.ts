// Starts the app: connect to the database first, then listen; on a stop signal, close both and exit.
import { app } from './src/app.ts';
import { env } from './src/config/env.ts';
import { connectDB } from './src/db/db.ts';

// Before listening: a request that came now would find no database.
await connectDB();

app.listen(env.port, () => {
  console.log(`Songs app on http://localhost:${env.port}`);
});

// Ctrl-C sends SIGINT; a host stopping the app (or `kill`) sends SIGTERM.
async function shutdown(signal: string): Promise<void> {
  console.log(`${signal}: closing the server and the database connection`);
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
