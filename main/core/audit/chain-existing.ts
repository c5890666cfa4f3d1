import type Database from 'better-sqlite3';
import { entryHash, GENESIS_HASH, type AuditRowColumns } from './chain';

const PAGE = 1000;

type Row = AuditRowColumns;

/**
 * Migration 0015's step: chains the entries written before the chain existed, in id order (UUIDv7,
 * so time order as far as their clock went), inside the migration's transaction. Read a page at a
 * time by id: better-sqlite3 cannot update while a statement iterates, and a long log should not be
 * held in memory whole.
 */
export function chainExistingAudit(sqlite: Database.Database): void {
  const page = sqlite.prepare(
    `SELECT id, at, user_id, username, method, record_id, detail FROM audit_log
      WHERE id > ? ORDER BY id LIMIT ${PAGE}`,
  );
  const update = sqlite.prepare('UPDATE audit_log SET seq = ?, prev_hash = ?, hash = ? WHERE id = ?');
  let seq = 0;
  let prevHash = GENESIS_HASH;
  let after = '';
  for (;;) {
    const rows = page.all(after) as Row[];
    for (const r of rows) {
      const hash = entryHash({
        id: r.id,
        at: r.at,
        userId: r.user_id,
        username: r.username,
        method: r.method,
        recordId: r.record_id,
        detail: r.detail,
        prevHash,
      });
      update.run(++seq, prevHash, hash, r.id);
      prevHash = hash;
    }
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}
