/**
 * How many visits and compounds a period and scope hold: the one place the report forms
 * (入户走访登记表, 网格化服务管理工作情况统计表) and the 工作台 get these figures from. Each is one
 * indexed COUNT over the same conditions the lists use, so a list filtered the same way shows the
 * same total.
 */
import { count } from 'drizzle-orm';
import type { Db } from '../db/connection';
import { buildingConditions, visitConditions } from './filters';
import { buildings, householdVisits } from './schema';
import type { BuildingKind, VisitMethod } from '../../../shared/fieldwork/codes';

/** Inclusive Shanghai days, `YYYY-MM-DD`; a report's ReportPeriod fits as it is. */
export interface DayPeriod {
  start: string;
  end: string;
}

export interface FieldworkScope {
  period: DayPeriod;
  /** One village/community; left out: the whole township. */
  villageId?: string;
  gridId?: string;
}

/** Live visits made in the period (by 走访日期), optionally of one method. */
export function countVisits(db: Db, scope: FieldworkScope & { method?: VisitMethod }): number {
  const where = visitConditions({
    villageId: scope.villageId,
    gridId: scope.gridId,
    method: scope.method,
    from: scope.period.start,
    to: scope.period.end,
  });
  return db.select({ n: count() }).from(householdVisits).where(where).get()?.n ?? 0;
}

/** Live compounds/buildings collected in the period (by 采集日期), optionally of one kind. */
export function countBuildings(db: Db, scope: FieldworkScope & { kind?: BuildingKind }): number {
  const where = buildingConditions({
    villageId: scope.villageId,
    gridId: scope.gridId,
    kind: scope.kind,
    from: scope.period.start,
    to: scope.period.end,
  });
  return db.select({ n: count() }).from(buildings).where(where).get()?.n ?? 0;
}
