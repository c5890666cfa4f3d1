/**
 * 网格化服务管理工作情况统计表's figures per village/community: 楼院采集 and 入户走访 counted by
 * fieldwork/counts.ts, and the case figures through the forms that already define them — 收集群众诉求
 * as subsets of the case list's source filter, 化解矛盾纠纷 as the 矛盾纠纷排查化解情况表's 成功数
 * (succeededCount over its dispute 大类), 办理事项 and 办结 as the 网格事件处置情况统计表's 受理数 and
 * 办结数 (CASE_HANDLING_FILTERS) — all columns of one scan of the period's cases grouped by village.
 * One number, one query: each cell equals its own form's or list's count.
 */
import { and, asc, eq, gte, isNull, or, type SQL } from 'drizzle-orm';
import type { CaseFilter } from '../../../../shared/api/cases';
import type { CaseSource } from '../../../../shared/cases/codes';
import { caseConditions, subsetCount, type CaseQueryContext } from '../../cases/list';
import { cases } from '../../cases/schema';
import { countBuildings, countVisits } from '../../fieldwork/counts';
import { villages } from '../../org/schema';
import { periodInstants, type ReportPeriod } from '../periods';
import { CASE_HANDLING_FILTERS, caseHandlingFilter } from './case-handling';
import { disputeCategoryCodes, succeededCount } from './disputes';

/** 群众诉求: what the public brings in themselves — the hotline, 12345 transfers and walk-ins. */
export const PUBLIC_APPEAL_SOURCES: readonly CaseSource[] = ['hotline', 'transfer12345', 'walkIn'];

export interface FieldworkYearCounts {
  /** 楼院采集（个） */
  buildings: number;
  /** 入户走访（户次） */
  visits: number;
  /** 收集群众诉求（件） */
  appeals: number;
  /** 化解矛盾纠纷（件） */
  disputesResolved: number;
  /** 办理事项（件）: 受理数 */
  received: number;
  /** 办结（件） */
  closed: number;
}

export interface VillageYearCounts extends FieldworkYearCounts {
  villageId: string;
  code: string;
  name: string;
}

/**
 * The villages the form lists, in code order: every one in scope that still existed when the
 * period began, so a village retired during the year still shows what it did.
 */
function villagesInScope(ctx: CaseQueryContext, period: ReportPeriod, villageId: string | null) {
  const since = periodInstants(period).from;
  const conds: (SQL | undefined)[] = [
    isNull(villages.deletedAt),
    or(isNull(villages.retiredAt), gte(villages.retiredAt, since)),
    villageId ? eq(villages.id, villageId) : undefined,
  ];
  return ctx.db
    .select({ id: villages.id, code: villages.code, name: villages.name })
    .from(villages)
    .where(and(...conds))
    .orderBy(asc(villages.code))
    .all();
}

/** The case columns per village in one grouped scan of the period's cases (subset counts). */
function caseCountsByVillage(ctx: CaseQueryContext, base: CaseFilter) {
  const bySource = Object.fromEntries(
    PUBLIC_APPEAL_SOURCES.map((source) => [source, subsetCount(ctx, base, { source })]),
  ) as Record<CaseSource, SQL<number>>;
  // 成功数 of each dispute 大类, as the 矛盾纠纷排查化解情况表 counts it over that 大类's cases.
  const disputeCodes = disputeCategoryCodes(ctx.db);
  const succeeded = Object.fromEntries(
    disputeCodes.map((categoryCode, i) => [`d${i}`, succeededCount(ctx, { categoryCode })]),
  ) as Record<string, SQL<number>>;
  const rows = ctx.db
    .select({
      villageId: cases.villageId,
      ...bySource,
      ...succeeded,
      received: subsetCount(ctx, base, CASE_HANDLING_FILTERS.received),
      closed: subsetCount(ctx, base, CASE_HANDLING_FILTERS.closed),
    })
    .from(cases)
    .where(caseConditions(ctx, base))
    .groupBy(cases.villageId)
    .all();
  return new Map(
    rows.map((r) => [
      r.villageId,
      {
        appeals: PUBLIC_APPEAL_SOURCES.reduce((n, s) => n + (r as unknown as Record<CaseSource, number>)[s], 0),
        disputesResolved: disputeCodes.reduce((n, _, i) => n + (r as unknown as Record<string, number>)[`d${i}`]!, 0),
        received: r.received,
        closed: r.closed,
      },
    ]),
  );
}

/** One row per village/community in scope, zeros included, in the organisation's order. */
export function fieldworkYearFigures(
  ctx: CaseQueryContext,
  q: { period: ReportPeriod; villageId: string | null },
): VillageYearCounts[] {
  const { period } = q;
  const byVillage = caseCountsByVillage(
    ctx,
    caseHandlingFilter({ from: period.start, to: period.end, villageId: q.villageId }),
  );
  return villagesInScope(ctx, period, q.villageId).map((v) => {
    const c = byVillage.get(v.id);
    return {
      villageId: v.id,
      code: v.code,
      name: v.name,
      buildings: countBuildings(ctx.db, { period, villageId: v.id }),
      visits: countVisits(ctx.db, { period, villageId: v.id }),
      appeals: c?.appeals ?? 0,
      disputesResolved: c?.disputesResolved ?? 0,
      received: c?.received ?? 0,
      closed: c?.closed ?? 0,
    };
  });
}
