/**
 * 矛盾纠纷 figures for a period: found (排查), handled (调处) and mediated successfully (调解成功),
 * by dispute type, by people involved and for 重大群体性 disputes. Every count is a grouped query over
 * cases/list.ts's caseConditions, so a figure is the total of the case list with the same filter.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { CaseFilter } from '../../../../shared/api/cases';
import type { CaseScale } from '../../../../shared/cases/codes';
import type { CaseState } from '../../../../shared/cases/loop';
import { caseConditions, subsetCount, type CaseQueryContext } from '../../cases/list';
import { cases } from '../../cases/schema';
import { loadTaxonomy } from '../../cases/taxonomy-store';
import type { Db } from '../../db/connection';

export interface DisputeCounts {
  /** 排查数: dispute cases registered in the period. */
  found: number;
  /** 调处数: those among them handled, no longer waiting on anyone (HANDLED_STATES). */
  handled: number;
  /** 成功数: handled ones whose mediation is recorded as successful, so 成功率 never passes 100 %. */
  succeeded: number;
}

/** The people-involved bands of the form; each ends just below `below` (null: no upper end). */
export const PEOPLE_BANDS = [
  { label: '不足50人', below: 50 },
  { label: '50至100人', below: 101 },
  { label: '101至500人', below: 501 },
  { label: '超过500人', below: null },
] as const;

/** The taxonomy's dispute 大类 (normally just 01 矛盾纠纷): what 排查 counts. */
export function disputeCategoryCodes(db: Db): string[] {
  return loadTaxonomy(db)
    .categories.filter((c) => c.dispute)
    .map((c) => c.code);
}

/** 重大矛盾纠纷 are those registered at the 重大群体性 scale. */
export const MAJOR_SCALE: CaseScale = '03';

export interface DisputeFigures {
  /** Keyed by `大类/小类`, e.g. `01/02` for 邻里纠纷. */
  byType: Map<string, DisputeCounts>;
  /** In PEOPLE_BANDS order. */
  byPeople: DisputeCounts[];
  major: DisputeCounts;
  /** Every dispute case once. */
  total: DisputeCounts;
}

export interface DisputeScope {
  /** The taxonomy's dispute 大类 (normally just 01 矛盾纠纷). */
  categoryCodes: readonly string[];
  villageId: string | null;
  /** Registered from / to these Shanghai days, inclusive. */
  from: string;
  to: string;
}

const band = sql<number>`CASE ${sql.join(
  PEOPLE_BANDS.map((b, i) =>
    b.below === null
      ? sql`ELSE ${sql.raw(String(i))}`
      : sql`WHEN ${cases.peopleInvolved} < ${sql.raw(String(b.below))} THEN ${sql.raw(String(i))}`,
  ),
  sql` `,
)} END`;
const major = sql<number>`${cases.scale} = ${sql.raw(`'${MAJOR_SCALE}'`)}`;

interface Group {
  type: string;
  band: number;
  major: number;
  found: number;
  handled: number;
  succeeded: number;
}

/**
 * 成功数 as a column of a scan: the scanned cases (narrowed to `subset`) handled and recorded as
 * mediated successfully. The 网格化服务管理工作情况统计表's 化解矛盾纠纷 counts with it too.
 */
export function succeededCount(ctx: CaseQueryContext, subset: CaseFilter = {}): SQL<number> {
  const handledWhere = caseConditions(ctx, { ...subset, states: [...HANDLED_STATES] });
  return sql<number>`count(*) FILTER (WHERE ${handledWhere} AND ${cases.mediationResult} = 'success')`;
}

/** 排查, 调处 and 成功 per type, band and scale in one scan; 调处 is a subset count (subsetCount). */
function grouped(ctx: CaseQueryContext, filter: CaseFilter): Group[] {
  const handled: CaseFilter = { states: [...HANDLED_STATES] };
  return ctx.db
    .select({
      type: cases.subcategoryCode,
      band,
      major,
      found: sql<number>`count(*)`,
      handled: subsetCount(ctx, filter, handled),
      succeeded: succeededCount(ctx),
    })
    .from(cases)
    .where(caseConditions(ctx, filter))
    .groupBy(cases.subcategoryCode, band, major)
    .all();
}

/** 调处: no longer waiting on anyone — dealt with, or disposed of at 甄别. */
export const HANDLED_STATES: readonly CaseState[] = ['handled', 'fedBack', 'closed', 'merged', 'rejected', 'filed'];

const empty = (): DisputeCounts => ({ found: 0, handled: 0, succeeded: 0 });

export function disputeFigures(ctx: CaseQueryContext, scope: DisputeScope): DisputeFigures {
  const figures: DisputeFigures = {
    byType: new Map(),
    byPeople: PEOPLE_BANDS.map(empty),
    major: empty(),
    total: empty(),
  };
  const add = (g: Group, key: string) => {
    let t = figures.byType.get(key);
    if (!t) figures.byType.set(key, (t = empty()));
    for (const c of [t, figures.byPeople[g.band]!, figures.total, ...(g.major ? [figures.major] : [])]) {
      c.found += g.found;
      c.handled += g.handled;
      c.succeeded += g.succeeded;
    }
  };
  for (const categoryCode of scope.categoryCodes) {
    const filter: CaseFilter = {
      categoryCode,
      createdFrom: scope.from,
      createdTo: scope.to,
      ...(scope.villageId ? { villageId: scope.villageId } : {}),
    };
    for (const g of grouped(ctx, filter)) add(g, `${categoryCode}/${g.type}`);
  }
  return figures;
}
