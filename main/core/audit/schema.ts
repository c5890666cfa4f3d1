import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Append-only: who called which write method, when, on which record. Each entry carries the hash of
 * the one before it (audit/chain.ts), so a changed, removed or slipped-in entry breaks the chain.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: text('id').primaryKey(), // UUIDv7, so ordering by id is ordering by time
    at: text('at').notNull(),
    userId: text('user_id'),
    username: text('username'),
    method: text('method').notNull(),
    recordId: text('record_id'),
    detail: text('detail'), // JSON of the input, secrets removed
    // The chain's order: 1, 2, 3… handed out under the write lock. Not the id, whose time comes from
    // the PC's clock, which an office PC may set back.
    seq: integer('seq'),
    prevHash: text('prev_hash'),
    hash: text('hash'),
  },
  (t) => [
    index('audit_log_record_idx').on(t.recordId),
    index('audit_log_at_idx').on(t.at),
    uniqueIndex('audit_log_seq_idx').on(t.seq),
  ],
);
