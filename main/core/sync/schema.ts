import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Every insert, update and tombstone of a synced table, appended by triggers in the same
 * transaction as the change. `seq` is the township's own monotonic order (AUTOINCREMENT never
 * reuses a number, even after the newest rows are gone); wall clocks are not trusted for order.
 */
export const changeLog = sqliteTable('change_log', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  tableName: text('table_name').notNull(),
  rowId: text('row_id').notNull(),
  op: text('op', { enum: ['insert', 'update', 'delete'] }).notNull(),
  /** The whole row after the change, as JSON keyed by column name. */
  data: text('data').notNull(),
  /** When it was captured (informational only). */
  at: text('at').notNull(),
});

/**
 * One row per bundle built for the county. The body is kept byte for byte: a retry must send the
 * same bytes, since a fresh encryption of the same changes would be a different bundle to the county.
 * pending → uploading → acked, or rejected (the county refused it; its changes go again in a new one).
 */
export const syncOutbox = sqliteTable(
  'sync_outbox',
  {
    id: text('id').primaryKey(), // the bundle id (UUIDv7)
    seqFrom: integer('seq_from').notNull(),
    seqTo: integer('seq_to').notNull(),
    changeCount: integer('change_count').notNull(),
    hash: text('hash').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'uploading', 'acked', 'rejected'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: text('created_at').notNull(),
    ackedAt: text('acked_at'),
    receipt: text('receipt'), // the county's receipt, JSON
  },
  (t) => [index('sync_outbox_status_idx').on(t.status, t.seqFrom)],
);

/** The uploader's state, a single row: where the county is, the address, and the back-off. */
export const syncState = sqliteTable('sync_state', {
  id: integer('id').primaryKey(), // always 1
  countyUrl: text('county_url'),
  /** The last sequence the county has acknowledged; the next bundle starts after it. */
  ackedSeq: integer('acked_seq').notNull().default(0),
  failures: integer('failures').notNull().default(0),
  nextAttemptAt: text('next_attempt_at'),
  lastError: text('last_error'),
  lastSuccessAt: text('last_success_at'),
  /** Minutes between scheduled passes while the app runs (立即上报 and start-up passes come on top). */
  intervalMinutes: integer('interval_minutes').notNull().default(30),
  /**
   * Set when the county refused a bundle for good (a retry of the same changes would be refused
   * again): automatic passes stop until someone acts and presses 立即上报 (or runs push --once).
   */
  haltedAt: text('halted_at'),
});
