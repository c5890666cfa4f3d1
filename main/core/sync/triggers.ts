import type Database from 'better-sqlite3';
import { syncedTableInfo, type SyncedTableInfo } from './registry';

/** Every capture trigger's name starts with this, so stale ones can be found and dropped. */
const PREFIX = 'sync_capture_';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
const NOW = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;

function rowJson(t: SyncedTableInfo): string {
  return `json_object(${t.columns.map((c) => `${literal(c.name)}, NEW.${ident(c.name)}`).join(', ')})`;
}

function logInsert(t: SyncedTableInfo, op: string): string {
  return (
    `INSERT INTO change_log (table_name, row_id, op, data, at) ` +
    `VALUES (${literal(t.name)}, NEW."id", ${op}, ${rowJson(t)}, ${NOW});`
  );
}

/** The trigger statements for one synced table, keyed by trigger name. */
export function captureTriggers(t: SyncedTableInfo): Map<string, string> {
  const on = ident(t.name);
  const name = (kind: string) => ident(`${PREFIX}${t.name}_${kind}`);
  // An UPDATE that leaves every column as it was is not a change, so it is not logged.
  const changed = t.columns.map((c) => `OLD.${ident(c.name)} IS NOT NEW.${ident(c.name)}`).join(' OR ');
  const tombstone = `CASE WHEN OLD."deleted_at" IS NULL AND NEW."deleted_at" IS NOT NULL THEN 'delete' ELSE 'update' END`;
  return new Map([
    [
      `${PREFIX}${t.name}_insert`,
      `CREATE TRIGGER ${name('insert')} AFTER INSERT ON ${on} BEGIN ${logInsert(t, `'insert'`)} END`,
    ],
    [
      `${PREFIX}${t.name}_update`,
      `CREATE TRIGGER ${name('update')} AFTER UPDATE ON ${on} WHEN ${changed} BEGIN ${logInsert(t, tombstone)} END`,
    ],
    // A row the county has seen can only be tombstoned; a real DELETE would never reach it.
    [
      `${PREFIX}${t.name}_delete`,
      `CREATE TRIGGER ${name('delete')} BEFORE DELETE ON ${on} BEGIN ` +
        `SELECT RAISE(ABORT, ${literal(`同步表 ${t.name} 的记录只能标记删除，不能物理删除`)}); END`,
    ],
  ]);
}

/** The capture triggers' names for tables of these names (what installChangeCapture would create). */
export function captureTriggerNamesFor(tableNames: Iterable<string>): string[] {
  return [...tableNames].flatMap((t) => ['insert', 'update', 'delete'].map((kind) => `${PREFIX}${t}_${kind}`));
}

function captureTriggerNames(sqlite: Database.Database): string[] {
  return sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND substr(name, 1, ?) = ?`)
    .pluck()
    .all(PREFIX.length, PREFIX) as string[];
}

/** Removes every capture trigger (before migrations, which may alter the columns they name). */
export function dropChangeCapture(sqlite: Database.Database): void {
  for (const name of captureTriggerNames(sqlite)) sqlite.exec(`DROP TRIGGER IF EXISTS ${ident(name)}`);
}

/**
 * Recreates the capture triggers from the current table definitions. They derive from code, not
 * from migrations, so every start rebuilds them (a new column is captured at once) and drops those
 * of tables no longer synced — all in one transaction.
 */
export function installChangeCapture(sqlite: Database.Database, tables = syncedTableInfo()): void {
  for (const t of tables) {
    const have = new Set(sqlite.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t.name) as string[]);
    const missing = t.columns.filter((c) => !have.has(c.name)).map((c) => c.name);
    if (missing.length) throw new Error(`数据库的表 ${t.name} 缺少列 ${missing.join('、')}：程序与数据库结构不一致`);
  }
  const wanted = new Map(tables.flatMap((t) => [...captureTriggers(t)]));
  sqlite
    .transaction(() => {
      dropChangeCapture(sqlite);
      for (const sql of wanted.values()) sqlite.exec(sql);
    })
    .immediate();
}
