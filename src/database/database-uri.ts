// The address of one database on a server, as mongosh or Compass take it. Apart from
// database-name.ts, whose names every check makes: this parser loads only for your own server.
import { ConnectionString } from 'mongodb-connection-string-url';

/**
 * The connection string of database `dbName` on the server at `serverUri`, to print for mongosh
 * or Compass (the playground connects to `serverUri` and names the database in code). With
 * credentials and no authSource, the login database stays the one `serverUri` had: the path
 * names the database to log in against too.
 */
export function databaseUri(serverUri: string, dbName: string): string {
  const uri = new ConnectionString(serverUri);
  if (uri.username && !uri.searchParams.has('authSource'))
    uri.searchParams.set('authSource', decodeURIComponent(uri.pathname.slice(1)) || 'admin');
  uri.pathname = `/${dbName}`;
  return uri.toString();
}
