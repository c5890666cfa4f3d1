import { desc } from 'drizzle-orm';
import type { Connection } from '../db/connection';
import { newId } from '../ids';
import { entryHash, GENESIS_HASH } from './chain';
import { auditLog } from './schema';

export interface NewAuditEntry {
  at: string;
  userId: string | null;
  username: string | null;
  method: string;
  recordId: string | null;
  detail: string | null;
}

/**
 * The one way into the audit log: the entry goes on the end of the chain with its place and hash.
 * It must run inside the caller's write transaction (IMMEDIATE, so SQLite's write lock is already
 * held): the last hash read here is then still the last when the row lands, and a second writer
 * waits. The unique index on `seq` refuses a fork should anything slip past that. Returns the id.
 */
export function appendAudit({ sqlite, db }: Connection, entry: NewAuditEntry): string {
  if (!sqlite.inTransaction) throw new Error('操作日志只能在写事务中追加');
  const last = db
    .select({ seq: auditLog.seq, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.seq))
    .limit(1)
    .get();
  const id = newId();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = entryHash({ id, ...entry, prevHash });
  db.insert(auditLog)
    .values({ id, ...entry, seq: (last?.seq ?? 0) + 1, prevHash, hash })
    .run();
  return id;
}
