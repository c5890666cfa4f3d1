import type Database from 'better-sqlite3';
import { syncedTableInfo, type SyncedTableInfo } from './registry';
import { SEALED_COLUMNS } from './wire';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const PREV = 'restore_prev';

export interface SyncCarryResult {
  /** The highest sequence number used before the restore; new changes start after it. */
  highWater: number;
  /** Restored rows logged again because the county holds them otherwise (or not at all). */
  relogged: number;
  /** Rows the county has but the backup lacked, sent as tombstones (logged, not put back). */
  tombstoned: number;
}

function columnsOf(sqlite: Database.Database, schema: string, table: string): Set<string> {
  return new Set(sqlite.prepare(`SELECT name FROM ${schema}.pragma_table_info(?)`).pluck().all(table) as string[]);
}

function rowJson(alias: string, t: SyncedTableInfo): string {
  return `json_object(${t.columns.map((c) => `'${c.name}', ${alias}.${ident(c.name)}`).join(', ')})`;
}

/**
 * After a backup replaced the database, the change log, outbox and sync state describe the past:
 * new changes would reuse sequence numbers the county already accepted. This carries the replaced
 * database's log, outbox and state forward (the log only ever grows), then logs every restored
 * row the county holds differently, and logs tombstones for the rows the county has but the
 * backup lacks, so the county converges to the restored data. One transaction; `restored` is the
 * migrated, restored database with its capture triggers installed, `previousFile` a copy of the
 * replaced one (same schema version).
 */
export function carrySyncForward(
  restored: Database.Database,
  previousFile: string,
  now: Date,
  tables: SyncedTableInfo[] = syncedTableInfo(),
): SyncCarryResult {
  restored.prepare(`ATTACH DATABASE ? AS ${PREV}`).run(previousFile);
  try {
    const has = (table: string) =>
      restored.prepare(`SELECT 1 FROM ${PREV}.sqlite_master WHERE type = 'table' AND name = ?`).get(table) !==
      undefined;
    if (!has('change_log')) return { highWater: 0, relogged: 0, tombstoned: 0 }; // nothing was ever logged
    const at = now.toISOString();
    const run = restored.transaction((): SyncCarryResult => {
      // The log as the county knows it: the replaced database's, whole.
      restored.exec(`DELETE FROM main.change_log`);
      restored.exec(
        `INSERT INTO main.change_log (seq, table_name, row_id, op, data, at)
         SELECT seq, table_name, row_id, op, data, at FROM ${PREV}.change_log`,
      );
      const highWater = restored
        .prepare(
          `SELECT max(coalesce((SELECT seq FROM ${PREV}.sqlite_sequence WHERE name = 'change_log'), 0),
                      coalesce((SELECT max(seq) FROM ${PREV}.change_log), 0))`,
        )
        .pluck()
        .get() as number;
      restored.exec(`DELETE FROM main.sqlite_sequence WHERE name = 'change_log'`);
      restored.prepare(`INSERT INTO main.sqlite_sequence (name, seq) VALUES ('change_log', ?)`).run(highWater);
      for (const table of ['sync_outbox', 'sync_state']) {
        if (!has(table)) continue;
        const mine = columnsOf(restored, 'main', table);
        const cols = [...columnsOf(restored, PREV, table)]
          .filter((c) => mine.has(c))
          .map(ident)
          .join(', ');
        restored.exec(`DELETE FROM main.${ident(table)}`);
        restored.exec(`INSERT INTO main.${ident(table)} (${cols}) SELECT ${cols} FROM ${PREV}.${ident(table)}`);
      }

      // Rows the county holds that the backup never had: tombstones in the log only. Put back into
      // the tables they could collide with a restored row's unique key (another installation's
      // township row has the same code). First in the log, so the county drops before it upserts.
      let tombstoned = 0;
      for (const t of tables) {
        if (!has(t.name)) continue;
        const prevCols = columnsOf(restored, PREV, t.name);
        const data = `json_object(${t.columns
          .map((c) => {
            // A tombstone needs no personal data (and the replaced database's key may differ).
            const value =
              SEALED_COLUMNS[t.name]?.[c.name] !== undefined
                ? 'NULL'
                : c.name === 'deleted_at'
                  ? `coalesce(p."deleted_at", @at)`
                  : c.name === 'updated_at'
                    ? '@at'
                    : prevCols.has(c.name)
                      ? `p.${ident(c.name)}`
                      : 'NULL';
            return `'${c.name}', ${value}`;
          })
          .join(', ')})`;
        tombstoned += restored
          .prepare(
            `INSERT INTO main.change_log (table_name, row_id, op, data, at)
             SELECT @table, p."id", 'delete', ${data}, @at FROM ${PREV}.${ident(t.name)} p
             WHERE NOT EXISTS (SELECT 1 FROM main.${ident(t.name)} r WHERE r."id" = p."id") ORDER BY p.rowid`,
          )
          .run({ table: t.name, at }).changes;
      }
      let relogged = 0;
      for (const t of tables) {
        if (!has(t.name)) continue;
        const tbl = ident(t.name);
        // Restored rows that differ from what the county was last told (or that it never got).
        relogged += restored
          .prepare(
            `INSERT INTO main.change_log (table_name, row_id, op, data, at)
             SELECT ?, r."id",
               CASE WHEN p."id" IS NULL THEN 'insert'
                    WHEN p."deleted_at" IS NULL AND r."deleted_at" IS NOT NULL THEN 'delete' ELSE 'update' END,
               ${rowJson('r', t)}, ?
             FROM main.${tbl} r LEFT JOIN ${PREV}.${tbl} p ON p."id" = r."id"
             WHERE p."id" IS NULL OR ${rowJson('r', t)} IS NOT ${rowJson('p', t)}
             ORDER BY r.rowid`,
          )
          .run(t.name, at).changes;
      }
      // Grid codes are never reused: a village's counter must not fall behind a tombstoned grid's code.
      if (has('villages')) {
        restored.exec(
          `UPDATE main.villages SET last_grid_seq = (SELECT p.last_grid_seq FROM ${PREV}.villages p WHERE p.id = villages.id)
           WHERE last_grid_seq < (SELECT p.last_grid_seq FROM ${PREV}.villages p WHERE p.id = villages.id)`,
        );
      }
      return { highWater, relogged, tombstoned };
    });
    return run.immediate();
  } finally {
    restored.exec(`DETACH DATABASE ${PREV}`);
  }
}
