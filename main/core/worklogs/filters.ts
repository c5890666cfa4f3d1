/** The WHERE of the work-log list and of every count: a list's total and a figure are the same query. */
import { and, eq, gte, isNull, lte, type SQL } from 'drizzle-orm';
import type { WorkLogFilter } from '../../../shared/api/worklogs';
import { workLogs } from './schema';

export function workLogConditions(f: Partial<WorkLogFilter>): SQL | undefined {
  const w = workLogs;
  const conds: (SQL | undefined)[] = [isNull(w.deletedAt)];
  if (f.from) conds.push(gte(w.workedOn, f.from));
  if (f.to) conds.push(lte(w.workedOn, f.to));
  if (f.villageId) conds.push(eq(w.villageId, f.villageId));
  if (f.gridId) conds.push(eq(w.gridId, f.gridId));
  if (f.kind) conds.push(eq(w.kind, f.kind));
  return and(...conds);
}
