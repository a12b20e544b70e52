// Lesson 03's app answers a JSON body over express.json()'s 100 KB limit with 413 and a JSON
// reason, as a server does when the client sent too much: not with a 500 "something went wrong".
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createApp, type ModelExercise } from '../../lessons/03-model/app.ts';

// The routes never reach the exercise here: the body is refused before.
const exercise = {
  createSong: async (data: Record<string, unknown>) => data,
} as unknown as ModelExercise;

describe('POST /api/songs with a body over 100 KB', () => {
  it('answers 413 with a JSON reason', async () => {
    const title = 'x'.repeat(150 * 1024);
    const answer = await request(createApp(exercise)).post('/api/songs').send({ title });
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ ok: false, error: expect.stringContaining('too large') });
  });

  it('still takes a body under the limit', async () => {
    const answer = await request(createApp(exercise)).post('/api/songs').send({ title: 'Kesariya' });
    expect(answer.status).toBe(201);
    expect(answer.body.song).toEqual({ title: 'Kesariya' });
  });
});
