import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { WORK_LOG_KINDS } from '../../../shared/worklogs/codes';
import { syncedColumns } from '../db/columns';
import { grids, villages } from '../org/schema';
import { persons } from '../people/schema';

/**
 * 工作日志 / 服务记录: one entry per piece of grid work done on a day. The village is the grid's,
 * copied so counts by village need no join; the indexes lead with the day as every list is a range.
 */
export const workLogs = sqliteTable(
  'work_logs',
  {
    ...syncedColumns,
    workedOn: text('worked_on').notNull(), // YYYY-MM-DD
    villageId: text('village_id')
      .notNull()
      .references(() => villages.id),
    gridId: text('grid_id')
      .notNull()
      .references(() => grids.id),
    workerId: text('worker_id').references(() => persons.id), // 记录人 from the grid team
    workerName: text('worker_name').notNull(),
    kind: text('kind', { enum: WORK_LOG_KINDS }).notNull(),
    content: text('content').notNull(),
    peopleReached: integer('people_reached').notNull().default(0),
  },
  (t) => [
    index('work_logs_day_idx').on(t.workedOn, t.kind, t.villageId, t.deletedAt),
    index('work_logs_village_idx').on(t.villageId, t.workedOn, t.kind, t.deletedAt),
    index('work_logs_grid_idx').on(t.gridId, t.workedOn, t.deletedAt),
  ],
);
