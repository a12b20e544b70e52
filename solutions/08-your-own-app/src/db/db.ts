// The database connection: made once, when the server starts, before it takes any request.
import mongoose from 'mongoose';
import { env } from '../config/env.ts';

export async function connectDB(): Promise<void> {
  // Resolves once MongoDB has answered; rejects if it cannot be reached (a wrong URI, a server down).
  await mongoose.connect(env.mongodbUri);
  console.log('Connected to MongoDB');
}

export async function disconnectDB(): Promise<void> {
  await mongoose.disconnect();
}
