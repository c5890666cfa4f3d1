import type Database from 'better-sqlite3';
import type { ChangeLine } from '../main/core/sync/bundle';
import { TOWNSHIP_COLUMN, type CountyDb } from './db';
import { CountyError } from './errors';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Applies changes in sequence order into the mirror tables: each change carries the whole row, so
 * it is an upsert by id (a tombstone is a row with deleted_at set). A row may only be written by
 * the township that created it. Runs inside the caller's transaction.
 */
export function applyChanges(
  db: CountyDb,
  township: string,
  changes: ChangeLine[],
  /** Rows a priority bundle already brought from a later change: older changes of them are skipped. */
  newer: Map<string, number> = new Map(),
): void {
  const statements = new Map<string, Database.Statement>();
  const upsert = (table: string, columns: string[]) => {
    const key = `${table}|${columns.join(',')}`;
    let stmt = statements.get(key);
    if (!stmt) {
      const all = [TOWNSHIP_COLUMN, ...columns].map(ident);
      const set = columns.filter((c) => c !== 'id').map((c) => `${ident(c)} = excluded.${ident(c)}`);
      stmt = db.sqlite.prepare(
        `INSERT INTO ${ident(table)} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ` +
          `ON CONFLICT("id") DO UPDATE SET ${set.join(', ')} ` +
          `WHERE ${ident(table)}.${ident(TOWNSHIP_COLUMN)} = excluded.${ident(TOWNSHIP_COLUMN)}`,
      );
      statements.set(key, stmt);
    }
    return stmt;
  };

  for (const c of changes) {
    const known = db.mirror.get(c.table);
    if (!known) throw new CountyError(422, 'UNKNOWN_TABLE', `第 ${c.seq} 号变更的表 ${c.table} 不是同步表`);
    const columns = Object.keys(c.row);
    const unknown = columns.find((col) => !known.has(col));
    if (unknown) {
      throw new CountyError(
        422,
        'UNKNOWN_COLUMN',
        `第 ${c.seq} 号变更含有未知的列 ${c.table}.${unknown}，请升级县级接收端`,
      );
    }
    if ((newer.get(`${c.table}|${c.id}`) ?? 0) > c.seq) continue;
    const info = upsert(c.table, columns).run(township, ...columns.map((col) => c.row[col]));
    if (info.changes === 0) {
      throw new CountyError(409, 'FOREIGN_ROW', `第 ${c.seq} 号变更要改写其他乡镇的记录（${c.table} ${c.id}）`);
    }
  }
}
