// The warm-up of a test worker that waits for the learner's save (tests/support/warm-up.ts)
// leaves nothing a lesson's check could see: no model, no collection, no listening server.
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServices, type Services } from '../../src/lessons/lesson-world.ts';
import { warmUp } from '../support/warm-up.ts';

let services: Services | undefined;
beforeAll(async () => {
  services = await startServices({ quiet: true, storage: false, allowDownload: false });
});
afterAll(() => services?.stop());

/** How many servers this process listens with. */
const listening = () => process.getActiveResourcesInfo().filter((kind) => kind === 'TCPServerWrap').length;

describe('the warm-up of a worker waiting for a save', () => {
  it('leaves no model, no collection and no server behind', async () => {
    const models = mongoose.modelNames();
    const servers = listening();
    await warmUp(() => false);
    expect(mongoose.modelNames()).toEqual(models);
    expect(await mongoose.connection.db!.listCollections().toArray()).toEqual([]);
    expect(listening()).toBe(servers);
  });

  it('asks before each step, and stops once the save has come', async () => {
    let asked = 0;
    await warmUp(() => ++asked > 1);
    expect(asked).toBe(2);
  });
});
