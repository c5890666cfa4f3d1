import { text } from 'drizzle-orm/sqlite-core';

/** Columns every synced row carries (architecture.md: Data). Deletes are tombstones. */
export const syncedColumns = {
  id: text('id').primaryKey(), // UUIDv7
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
  deletedAt: text('deleted_at'),
};
