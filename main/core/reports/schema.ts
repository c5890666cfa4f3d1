import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from '../db/columns';

/**
 * Every official form exported from this machine: who, when, which form, period and scope, the
 * file's name and SHA-256, so a printed copy can be matched to its export. Local only.
 */
export const reportExports = sqliteTable(
  'report_exports',
  {
    ...syncedColumns,
    formId: text('form_id').notNull(),
    formName: text('form_name').notNull(),
    periodCode: text('period_code').notNull(),
    periodLabel: text('period_label').notNull(),
    villageId: text('village_id'), // null: the whole township
    scopeLabel: text('scope_label').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    username: text('username').notNull(),
    /** Full ID numbers and phones were printed (a 管理员 or 审核人 asked for them). */
    revealed: integer('revealed', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('report_exports_created_idx').on(t.createdAt)],
);

/** The names printed on the signature line by default; a single row, edited on the 报表 page. */
export const reportSettings = sqliteTable('report_settings', {
  id: integer('id').primaryKey(), // always 1
  preparer: text('preparer'),
  reviewer: text('reviewer'),
  phone: text('phone'),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
});
