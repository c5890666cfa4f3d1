/**
 * 矛盾纠纷 figures for a period: 排查 (found), 调处 (a mediation result recorded) and 化解 (调解成功),
 * each for disputes mediated at 乡镇（街道）, at 村（社区） and for all of them (小计), by dispute type,
 * by people involved, for 重大矛盾纠纷 and in total; and the 集中排查 sessions held. Every case count
 * is `count(*) FILTER (WHERE …)` over cases/list.ts's caseConditions for a case filter (cellFilter), so
 * a figure is the total of the case list opened with that filter.
 */
import { and, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { CaseFilter } from '../../../../shared/api/cases';
import { MEDIATION_RESULTS, type MediationLevel } from '../../../../shared/cases/codes';
import { caseConditions, subsetCount, type CaseQueryContext } from '../../cases/list';
import { cases } from '../../cases/schema';
import { loadTaxonomy } from '../../cases/taxonomy-store';
import type { Db } from '../../db/connection';
import { workLogs } from '../../worklogs/schema';

/**
 * The people-involved bands as the form words them, inclusive at both ends. 以上/以下 usually include
 * the number itself; here 50 starts the second band, so 50人以下 is 1–49, and 500人以上 is 500 and more.
 */
export const PEOPLE_BANDS = [
  { label: '50人以下', from: 1, to: 49 },
  { label: '50—99人', from: 50, to: 99 },
  { label: '100—499人', from: 100, to: 499 },
  { label: '500人以上', from: 500, to: null },
] as const;

/** A band as the case list's filter. */
export function bandFilter(band: (typeof PEOPLE_BANDS)[number]): CaseFilter {
  return { peopleFrom: band.from, ...(band.to === null ? {} : { peopleTo: band.to }) };
}

/** The column blocks: by 调解层级, then 小计 over every dispute (those not yet given a level too). */
export const LEVELS = ['township', 'village', 'all'] as const;
export type LevelKey = (typeof LEVELS)[number];
export const MEASURES = ['found', 'mediated', 'resolved'] as const;
export type Measure = (typeof MEASURES)[number];

/** What each measure adds to a filter: 调处 is any recorded result, 化解 调解成功 only. */
const MEASURE_FILTERS: Record<Measure, CaseFilter> = {
  found: {},
  mediated: { mediationResults: [...MEDIATION_RESULTS] },
  resolved: { mediationResults: ['success'] },
};

/** The case filter of one cell beyond the row's own: its level and its measure. */
export function cellFilter(level: LevelKey, measure: Measure): CaseFilter {
  return {
    ...(level === 'all' ? {} : { mediationLevel: level satisfies MediationLevel }),
    ...MEASURE_FILTERS[measure],
  };
}

export type Counts = Record<Measure, number>;
export type LevelCounts = Record<LevelKey, Counts>;

export interface DisputeFigures {
  /** Keyed by `大类/小类`, e.g. `01/02` for 邻里纠纷. */
  byType: Map<string, LevelCounts>;
  /** In PEOPLE_BANDS order. */
  byPeople: LevelCounts[];
  major: LevelCounts;
  /** Every dispute case once. */
  total: LevelCounts;
  /** 开展集中排查次数: 矛盾纠纷集中排查 work-log entries. */
  screenings: number;
}

export interface DisputeScope {
  /** The taxonomy's dispute 大类 (normally just 01 矛盾纠纷). */
  categoryCodes: readonly string[];
  villageId: string | null;
  /** Registered from / to these Shanghai days, inclusive. */
  from: string;
  to: string;
}

/** The taxonomy's dispute 大类 (normally just 01 矛盾纠纷): what 排查 counts. */
export function disputeCategoryCodes(db: Db): string[] {
  return loadTaxonomy(db)
    .categories.filter((c) => c.dispute)
    .map((c) => c.code);
}

/**
 * 化解数 as a column of a scan: the scanned cases (narrowed to `subset`) whose mediation is recorded
 * as 调解成功, whatever step they are at. The 网格化服务管理工作情况统计表's 化解矛盾纠纷 counts with it too.
 */
export function succeededCount(ctx: CaseQueryContext, subset: CaseFilter = {}): SQL<number> {
  return sql<number>`count(*) FILTER (WHERE ${caseConditions(ctx, { ...subset, ...MEASURE_FILTERS.resolved })})`;
}

const emptyLevels = (): LevelCounts => ({
  township: { found: 0, mediated: 0, resolved: 0 },
  village: { found: 0, mediated: 0, resolved: 0 },
  all: { found: 0, mediated: 0, resolved: 0 },
});

/** The nine cells of one row (`row` narrows the base: a band, 重大) as columns named `<prefix>_<level>_<measure>`. */
function rowColumns(ctx: CaseQueryContext, base: CaseFilter, prefix: string, row: CaseFilter) {
  const columns: Record<string, SQL<number>> = {};
  for (const level of LEVELS) {
    for (const measure of MEASURES) {
      const subset = { ...row, ...cellFilter(level, measure) };
      columns[`${prefix}_${level}_${measure}`] =
        Object.keys(subset).length === 0 ? sql<number>`count(*)` : subsetCount(ctx, base, subset);
    }
  }
  return columns;
}

function readRow(r: Record<string, unknown>, prefix: string): LevelCounts {
  const out = emptyLevels();
  for (const level of LEVELS) for (const m of MEASURES) out[level][m] = Number(r[`${prefix}_${level}_${m}`] ?? 0);
  return out;
}

function addInto(into: LevelCounts, c: LevelCounts) {
  for (const level of LEVELS) for (const m of MEASURES) into[level][m] += c[level][m];
}

/** 开展集中排查次数: the period's 矛盾纠纷集中排查 entries of the work log, in the village when one is in scope. */
export function screeningCount(db: Db, scope: Pick<DisputeScope, 'villageId' | 'from' | 'to'>): number {
  const row = db
    .select({ n: sql<number>`count(*)` })
    .from(workLogs)
    .where(
      and(
        gte(workLogs.workedOn, scope.from),
        lte(workLogs.workedOn, scope.to),
        eq(workLogs.kind, 'disputeScreening'),
        scope.villageId ? eq(workLogs.villageId, scope.villageId) : undefined,
        isNull(workLogs.deletedAt),
      ),
    )
    .get();
  return row?.n ?? 0;
}

export function disputeFigures(ctx: CaseQueryContext, scope: DisputeScope): DisputeFigures {
  const figures: DisputeFigures = {
    byType: new Map(),
    byPeople: PEOPLE_BANDS.map(emptyLevels),
    major: emptyLevels(),
    total: emptyLevels(),
    screenings: screeningCount(ctx.db, scope),
  };
  for (const categoryCode of scope.categoryCodes) {
    const base: CaseFilter = {
      categoryCode,
      createdFrom: scope.from,
      createdTo: scope.to,
      ...(scope.villageId ? { villageId: scope.villageId } : {}),
    };
    const where = caseConditions(ctx, base);
    // By type: one grouped scan, the group being the list's 小类 filter.
    const byType = ctx.db
      .select({ type: cases.subcategoryCode, ...rowColumns(ctx, base, 'c', {}) })
      .from(cases)
      .where(where)
      .groupBy(cases.subcategoryCode)
      .all();
    for (const r of byType) {
      const key = `${categoryCode}/${r.type}`;
      const into = figures.byType.get(key) ?? emptyLevels();
      addInto(into, readRow(r, 'c'));
      figures.byType.set(key, into);
    }
    // Bands, 重大 and the total: one ungrouped scan, each row a filter of its own.
    const columns = {
      ...Object.assign({}, ...PEOPLE_BANDS.map((b, i) => rowColumns(ctx, base, `b${i}`, bandFilter(b)))),
      ...rowColumns(ctx, base, 'm', { majorDispute: true }),
      ...rowColumns(ctx, base, 't', {}),
    } as Record<string, SQL<number>>;
    const whole = ctx.db.select(columns).from(cases).where(where).get() ?? {};
    PEOPLE_BANDS.forEach((_, i) => addInto(figures.byPeople[i]!, readRow(whole, `b${i}`)));
    addInto(figures.major, readRow(whole, 'm'));
    addInto(figures.total, readRow(whole, 't'));
  }
  return figures;
}
