import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Append-only: who called which write method, when, on which record. */
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
  },
  (t) => [index('audit_log_record_idx').on(t.recordId), index('audit_log_at_idx').on(t.at)],
);
