/**
 * A backup is a whole database someone hands us: it could carry a trigger, view or table that no
 * version of the app made (a planted `AFTER INSERT ON audit_log … UPDATE users SET role='admin'`
 * would survive start-up and run on every login). Before a restore its schema is compared with the
 * one this app's migrations build for the same version: anything extra or different is refused.
 * Triggers are all the app's own runtime objects (change capture, the search index), rebuilt at
 * every start, so only their names are checked here and the restore drops them all.
 */
import type Database from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { SEARCH_TRIGGER_NAMES } from '../cases/search';
import { SYNCED_TABLES } from '../sync/registry';
import { captureTriggerNamesFor } from '../sync/triggers';
import { getTableName } from 'drizzle-orm';

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

const OBJECTS = `SELECT type, name, tbl_name, sql FROM sqlite_master
  WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`;

/** The schema the app's migrations build at `version`, on an empty in-memory database. */
function referenceSchema(migrationsDir: string, version: number): Map<string, SchemaObject> {
  const ref = new BetterSqlite3(':memory:');
  try {
    for (const m of readMigrationFiles({ migrationsFolder: migrationsDir }).slice(0, version)) {
      for (const stmt of m.sql) if (stmt.trim()) ref.exec(stmt);
    }
    return new Map((ref.prepare(OBJECTS).all() as SchemaObject[]).map((o) => [`${o.type}:${o.name}`, o]));
  } finally {
    ref.close();
  }
}

const normal = (sql: string | null) => (sql ?? '').replace(/\s+/g, ' ').trim();

/**
 * What in `backup`'s schema this app's migrations at its version would not have made, one Chinese
 * line each; empty when the schema is the app's own.
 */
export function unexpectedSchemaObjects(backup: Database.Database, migrationsDir: string): string[] {
  const version = backup.pragma('user_version', { simple: true }) as number;
  const reference = referenceSchema(migrationsDir, version);
  const tables = new Set([...reference.values()].filter((o) => o.type === 'table').map((o) => o.name));
  const appTriggers = new Set([
    ...captureTriggerNamesFor(SYNCED_TABLES.map((t) => getTableName(t)).filter((n) => tables.has(n))),
    ...(tables.has('cases') ? SEARCH_TRIGGER_NAMES : []),
  ]);
  const problems: string[] = [];
  for (const o of backup.prepare(OBJECTS).all() as SchemaObject[]) {
    if (o.type === 'trigger') {
      if (!appTriggers.has(o.name)) problems.push(`多出的触发器 ${o.name}（作用于 ${o.tbl_name}）`);
      continue;
    }
    const expected = reference.get(`${o.type}:${o.name}`);
    if (!expected) problems.push(`多出的${TYPE_LABELS[o.type] ?? o.type} ${o.name}`);
    else if (normal(expected.sql) !== normal(o.sql))
      problems.push(`${TYPE_LABELS[o.type] ?? o.type} ${o.name} 的定义与本版本不同`);
  }
  return problems;
}

const TYPE_LABELS: Record<string, string> = { table: '表', index: '索引', view: '视图', trigger: '触发器' };

/** Drops every trigger of a restored copy: start-up rebuilds the app's own from code. */
export function dropAllTriggers(db: Database.Database): void {
  const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
  for (const name of names) db.exec(`DROP TRIGGER IF EXISTS "${name.replace(/"/g, '""')}"`);
}
