// Each test starts on empty collections, without a round trip to the database after every
// test: most checks only read or validate, and only a test that wrote needs cleaning after.
import mongoose from 'mongoose';
import { afterEach, beforeAll } from 'vitest';

const writes = new Set(['insert', 'update', 'delete', 'findAndModify', 'create', 'createIndexes', 'drop']);

/** After every test that wrote to the database, empties `collections` (all at once). */
export function emptyAfterWrites(collections: string[]): void {
  let wrote = false;
  const onCommand = (event: { commandName: string }) => {
    if (writes.has(event.commandName)) wrote = true;
  };
  // Registered after useLesson's, so the connection (with command monitoring) is up.
  beforeAll(() => {
    mongoose.connection.getClient().on('commandStarted', onCommand);
  });
  afterEach(async () => {
    if (!wrote) return;
    await Promise.all(collections.map((name) => mongoose.connection.db?.collection(name).deleteMany({})));
    wrote = false;
  });
}
