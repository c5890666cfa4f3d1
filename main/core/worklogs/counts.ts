/** How many work-log entries (and people reached) a filter holds, per kind: for the forms and the page. */
import { count, sql } from 'drizzle-orm';
import type { WorkLogCounts, WorkLogFilter } from '../../../shared/api/worklogs';
import { WORK_LOG_KINDS, type WorkLogKind } from '../../../shared/worklogs/codes';
import type { Db } from '../db/connection';
import { workLogConditions } from './filters';
import { workLogs } from './schema';

export function countWorkLogs(db: Db, f: Partial<WorkLogFilter>): WorkLogCounts {
  const rows = db
    .select({
      kind: workLogs.kind,
      entries: count(),
      peopleReached: sql<number>`coalesce(sum(${workLogs.peopleReached}), 0)`,
    })
    .from(workLogs)
    .where(workLogConditions(f))
    .groupBy(workLogs.kind)
    .all();
  const byKind = Object.fromEntries(
    WORK_LOG_KINDS.map((k) => [k, { entries: 0, peopleReached: 0 }]),
  ) as WorkLogCounts['byKind'];
  for (const r of rows) byKind[r.kind as WorkLogKind] = { entries: r.entries, peopleReached: r.peopleReached };
  return { total: rows.reduce((n, r) => n + r.entries, 0), byKind };
}
