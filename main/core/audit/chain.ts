/**
 * The audit log's hash chain. An entry's hash is the SHA-256 (lowercase hex) of its canonical
 * encoding: the UTF-8 of the JSON array
 *
 *   ["zongzhi-audit/1", id, at, user_id, username, method, record_id, detail, prev_hash]
 *
 * (JSON.stringify, no spaces; absent values are null), where prev_hash is the hash of the entry
 * before it in `seq` order, or GENESIS_HASH for the first. A JSON array keeps field boundaries and
 * nulls unambiguous and is easy to reproduce in any language. `seq` itself is not hashed: it only
 * places the entry; a renumbering shows as a broken link.
 */
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);
const VERSION = 'zongzhi-audit/1';

/** The columns an entry's hash covers, as stored. */
/** An audit_log row's hashed columns as SQLite returns them (snake_case). */
export interface AuditRowColumns {
  id: string;
  at: string;
  user_id: string | null;
  username: string | null;
  method: string;
  record_id: string | null;
  detail: string | null;
}

export interface HashedFields {
  id: string;
  at: string;
  userId: string | null;
  username: string | null;
  method: string;
  recordId: string | null;
  detail: string | null;
  prevHash: string;
}

export function entryHash(e: HashedFields): string {
  const canonical = JSON.stringify([
    VERSION,
    e.id,
    e.at,
    e.userId,
    e.username,
    e.method,
    e.recordId,
    e.detail,
    e.prevHash,
  ]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}
