// What a test worker of watch or the menu does while it waits for the learner's save: it runs,
// once, the code every lesson check runs first (an HTTP request through Express and supertest,
// a Mongoose validation, a database command), so that the check after the save finds it loaded
// and compiled instead of paying for it on the first test. About 25 ms of a re-check of about
// 250 ms on the 2-core reference machine (lesson 02). Nothing of it is left behind: no model, no
// collection, no server.
import express from 'express';
import mongoose from 'mongoose';
import request from 'supertest';

/** Runs the warm-up; `stop()` answering true ends it early (the save came). Never throws. */
export async function warmUp(stop: () => boolean): Promise<void> {
  const steps = [
    async () => {
      const app = express();
      app.use(express.json());
      app.post('/songs', (req, res) => res.status(201).json(req.body));
      app.get('/songs', (_req, res) => res.json([]));
      await request(app).post('/songs').send({ title: 'warm-up' });
      await request(app).get('/songs');
    },
    async () => {
      // No collection and no index: a lesson's check may count the collections (lesson 03).
      const schema = new mongoose.Schema(
        { title: { type: String, required: true, trim: true }, plays: { type: Number, min: 0 } },
        { timestamps: true, autoCreate: false, autoIndex: false },
      );
      const name = `PlaygroundWarmUp${process.pid}`;
      const Model = mongoose.model(name, schema);
      try {
        await new Model({ plays: '3' }).validate().catch(() => undefined);
      } finally {
        mongoose.deleteModel(name);
      }
    },
    async () => {
      await mongoose.connection.db?.admin().ping();
    },
  ];
  for (const step of steps) {
    if (stop()) return;
    await step().catch(() => undefined);
  }
}
