import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { syncedColumns } from '../db/columns';

/** The one township this installation serves (a single row). */
export const township = sqliteTable('township', {
  ...syncedColumns,
  code: text('code').notNull().unique(), // 9 digits
  name: text('name').notNull(),
  countyCode: text('county_code').notNull(), // 6 digits
  countyName: text('county_name').notNull(),
  cityName: text('city_name').notNull(),
  provinceName: text('province_name').notNull(),
});
