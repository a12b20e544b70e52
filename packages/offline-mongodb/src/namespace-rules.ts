// mongod's rules for database and collection names, with its codes and messages.
import { invalidNamespace } from './errors.ts';

const MAX_DATABASE_NAME = 63;
const MAX_NAMESPACE = 255;

/** Refuses a database name mongod would refuse, for any command sent to it. */
export function checkDatabaseName(dbName: string): void {
  if (dbName.length > MAX_DATABASE_NAME)
    throw invalidNamespace(`db name must be at most ${MAX_DATABASE_NAME} characters, found: ${dbName.length}`);
}

/** Refuses a database or collection name mongod would not create. */
export function checkNewNamespace(dbName: string, name: string): void {
  checkDatabaseName(dbName);
  if (!dbName || /[/\\. "$\0]/.test(dbName)) throw invalidNamespace(`Invalid database name: '${dbName}'`);
  if (!name || name.includes('$') || name.startsWith('.') || name.includes('\0')) {
    throw invalidNamespace(`Invalid collection name: ${name}`);
  }
  const namespace = `${dbName}.${name}`;
  if (namespace.length > MAX_NAMESPACE)
    throw invalidNamespace(`Fully qualified namespace is too long. Namespace: ${namespace} Max: ${MAX_NAMESPACE}`);
}
