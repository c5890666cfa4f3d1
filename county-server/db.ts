import Database from 'better-sqlite3';
import type { SyncedTableInfo } from '../main/core/sync/registry';
import { wireTableInfo } from '../main/core/sync/wire';

/** The column of every mirror table naming the township a row came from. */
export const TOWNSHIP_COLUMN = '_township';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

const META = `
CREATE TABLE IF NOT EXISTS county_townships (
  code TEXT PRIMARY KEY,
  registered_at TEXT NOT NULL,
  last_seq INTEGER NOT NULL DEFAULT 0,
  last_bundle_id TEXT,
  last_received_at TEXT,
  bundle_count INTEGER NOT NULL DEFAULT 0,
  change_count INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS county_township_keys (
  kid TEXT PRIMARY KEY,
  township_code TEXT NOT NULL REFERENCES county_townships(code),
  jwk TEXT NOT NULL,
  registered_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS county_bundles (
  id TEXT PRIMARY KEY,
  township_code TEXT NOT NULL REFERENCES county_townships(code),
  seq_from INTEGER NOT NULL,
  seq_to INTEGER NOT NULL,
  change_count INTEGER NOT NULL,
  schema_version INTEGER NOT NULL,
  sender_kid TEXT NOT NULL,
  hash TEXT NOT NULL,
  received_at TEXT NOT NULL,
  raw BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS county_bundles_township_idx ON county_bundles(township_code, seq_to);
-- Rows a priority bundle delivered ahead of the sequence, with the change they came from: the
-- regular stream does not overwrite them with an older change; cleared once it has passed them.
CREATE TABLE IF NOT EXISTS county_priority_rows (
  township_code TEXT NOT NULL REFERENCES county_townships(code),
  table_name TEXT NOT NULL,
  row_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  PRIMARY KEY (township_code, table_name, row_id)
);
`;

/**
 * One mirror table per synced table, holding every township's rows: the township's columns (types
 * only — each township's own constraints already held) plus the township they came from. Columns a
 * newer app adds are added here on start.
 */
function ensureMirror(db: Database.Database, t: SyncedTableInfo): void {
  const cols = t.columns.map((c) => `${ident(c.name)} ${c.sqlType}${c.name === 'id' ? ' PRIMARY KEY' : ''}`);
  db.exec(`CREATE TABLE IF NOT EXISTS ${ident(t.name)} (${ident(TOWNSHIP_COLUMN)} TEXT NOT NULL, ${cols.join(', ')})`);
  db.exec(
    `CREATE INDEX IF NOT EXISTS ${ident(`${t.name}_township_idx`)} ON ${ident(t.name)}(${ident(TOWNSHIP_COLUMN)})`,
  );
  const have = new Set(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t.name) as string[]);
  for (const c of t.columns) {
    if (!have.has(c.name)) db.exec(`ALTER TABLE ${ident(t.name)} ADD COLUMN ${ident(c.name)} ${c.sqlType}`);
  }
}

export interface CountyDb {
  sqlite: Database.Database;
  /** Mirror table name → its column names. */
  mirror: Map<string, Set<string>>;
  close(): void;
}

export function openCountyDb(file: string, tables = wireTableInfo()): CountyDb {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.transaction(() => {
    sqlite.exec(META);
    // Added after the first release: a data folder from before gets the columns on start.
    const have = new Set(sqlite.prepare("SELECT name FROM pragma_table_info('county_townships')").pluck().all());
    for (const col of ['last_error', 'last_error_at']) {
      if (!have.has(col)) sqlite.exec(`ALTER TABLE county_townships ADD COLUMN ${col} TEXT`);
    }
    const bundleCols = new Set(sqlite.prepare("SELECT name FROM pragma_table_info('county_bundles')").pluck().all());
    if (!bundleCols.has('priority')) {
      sqlite.exec('ALTER TABLE county_bundles ADD COLUMN priority INTEGER NOT NULL DEFAULT 0');
    }
    for (const t of tables) ensureMirror(sqlite, t);
  })();
  const mirror = new Map(tables.map((t) => [t.name, new Set(t.columns.map((c) => c.name))]));
  return { sqlite, mirror, close: () => sqlite.close() };
}
