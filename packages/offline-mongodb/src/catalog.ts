// Every database and collection the stand-in holds. Databases exist while they
// have a collection, like mongod's.
import { Collection } from './collection.ts';
import { checkNewNamespace } from './namespace-rules.ts';

/** The stand-in's in-memory databases, by name. */
export class Catalog {
  private readonly databases = new Map<string, Map<string, Collection>>();

  /** The collection, or undefined if it does not exist yet. */
  get(dbName: string, name: string): Collection | undefined {
    return this.databases.get(dbName)?.get(name);
  }

  /** The collection, created on first use (mongod creates collections on first insert). */
  getOrCreate(dbName: string, name: string): Collection {
    const existing = this.get(dbName, name);
    if (existing) return existing;
    return this.create(dbName, name);
  }

  create(dbName: string, name: string, options: Record<string, unknown> = {}): Collection {
    checkNewNamespace(dbName, name);
    let db = this.databases.get(dbName);
    if (!db) this.databases.set(dbName, (db = new Map()));
    const collection = new Collection(dbName, name, options);
    db.set(name, collection);
    return collection;
  }

  drop(dbName: string, name: string): boolean {
    const db = this.databases.get(dbName);
    const dropped = db?.delete(name) ?? false;
    if (db && db.size === 0) this.databases.delete(dbName);
    return dropped;
  }

  rename(from: Collection, toDb: string, toName: string): void {
    // Refuse a bad target name before the source is dropped, so a failed rename loses nothing.
    checkNewNamespace(toDb, toName);
    this.drop(from.dbName, from.name);
    const renamed = this.create(toDb, toName, from.options);
    for (const spec of from.indexSpecs().slice(1)) renamed.createIndex(spec);
    for (const doc of from.all()) renamed.insert(doc);
  }

  dropDatabase(dbName: string): void {
    this.databases.delete(dbName);
  }

  collections(dbName: string): Collection[] {
    return [...(this.databases.get(dbName)?.values() ?? [])];
  }

  databaseNames(): string[] {
    return [...this.databases.keys()];
  }
}
