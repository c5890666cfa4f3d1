import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ROLES } from '../../../shared/roles';
import { syncedColumns } from '../db/columns';

export const users = sqliteTable('users', {
  ...syncedColumns,
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  passwordHash: text('password_hash').notNull(), // scrypt$N$r$p$salt$hash
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
});
