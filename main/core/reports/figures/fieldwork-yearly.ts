/**
 * 网格化服务管理工作情况统计表's figures per village/community: 楼院采集 and 入户走访 counted by
 * fieldwork/counts.ts (入户走访（户次） is method 入户 only; 电话/视频 contacts have their own column),
 * 收集群众诉求 as subsets of the case list's source filter, and 化解矛盾纠纷, 办理事项 (受理) and 办结 as
 * the shared figure definitions (shared/cases/figures.ts) — all case columns of one scan of the
 * period's cases grouped by village. One number, one query: each cell equals its own list's count.
 */
import { and, asc, eq, gte, isNull, or, type SQL } from 'drizzle-orm';
import type { CaseFilter } from '../../../../shared/api/cases';
import type { CaseSource } from '../../../../shared/cases/codes';
import { figureColumns } from '../../cases/figures';
import { caseConditions, subsetCount, type CaseQueryContext } from '../../cases/list';
import { cases } from '../../cases/schema';
import { countBuildings, countVisits } from '../../fieldwork/counts';
import { villages } from '../../org/schema';
import { periodInstants, type ReportPeriod } from '../periods';
import { caseHandlingFilter } from './case-handling';

/** 群众诉求: what the public brings in themselves — the hotline, 12345 transfers and walk-ins. */
export const PUBLIC_APPEAL_SOURCES: readonly CaseSource[] = ['hotline', 'transfer12345', 'walkIn'];

export interface FieldworkYearCounts {
  /** 楼院采集（个） */
  buildings: number;
  /** 入户走访（户次）: visits with method 入户 */
  visits: number;
  /** 电话/视频联系（次）: the other contacts, never counted as 入户走访 */
  remoteContacts: number;
  /** 收集群众诉求（件） */
  appeals: number;
  /** 化解矛盾纠纷（件）: 化解数 */
  disputesResolved: number;
  /** 办理事项（件）: 受理数 */
  accepted: number;
  /** 办结（件）: 办结数 */
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

type CaseCounts = Pick<FieldworkYearCounts, 'appeals' | 'disputesResolved' | 'accepted' | 'closed'>;

/** The case columns per village in one grouped scan of the period's cases (subset counts). */
function caseCountsByVillage(ctx: CaseQueryContext, base: CaseFilter): Map<string, CaseCounts> {
  const bySource = Object.fromEntries(
    PUBLIC_APPEAL_SOURCES.map((source) => [source, subsetCount(ctx, base, { source })]),
  ) as Record<CaseSource, SQL<number>>;
  const rows = ctx.db
    .select({
      villageId: cases.villageId,
      ...bySource,
      ...figureColumns(ctx, base, ['resolved', 'accepted', 'closed'] as const),
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
        disputesResolved: r.resolved,
        accepted: r.accepted,
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
    const scope = { period, villageId: v.id };
    return {
      villageId: v.id,
      code: v.code,
      name: v.name,
      buildings: countBuildings(ctx.db, scope),
      visits: countVisits(ctx.db, { ...scope, method: 'in_person' }),
      remoteContacts:
        countVisits(ctx.db, { ...scope, method: 'phone' }) + countVisits(ctx.db, { ...scope, method: 'video' }),
      appeals: c?.appeals ?? 0,
      disputesResolved: c?.disputesResolved ?? 0,
      accepted: c?.accepted ?? 0,
      closed: c?.closed ?? 0,
    };
  });
}
