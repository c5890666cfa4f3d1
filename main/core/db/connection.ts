import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { registerSearchFunction } from '../cases/search';
import * as schema from './schema';
import { ensurePrivateFile } from '../private-files';

export type Db = BetterSQLite3Database<typeof schema>;

export interface Connection {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

/** Opens the township database: WAL, one writer, foreign keys enforced, waits instead of failing on a lock. */
export function openDatabase(file: string): Connection {
  ensurePrivateFile(file); // it holds personal information, sealed or not
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // The case search triggers call it, so every connection that may write a case needs it.
  registerSearchFunction(sqlite);
  const db = drizzle(sqlite, { schema });
  return { sqlite, db, close: () => sqlite.close() };
}
