/**
 * The 网格事件处置情况统计表's figures: the cases registered in a period, per 大类, counted as the
 * shared figure definitions say (shared/cases/figures.ts: 登记, 受理, 不予受理, 交办, 办结, 按期办结,
 * 超期, 就地化解). Every figure is a case filter counted through cases/list.ts, so each equals the
 * total of the case list that filter opens, and the 合计 row equals the 工作台's for the same month.
 */
import type { SQL } from 'drizzle-orm';
import type { CaseFilter } from '../../../../shared/api/cases';
import { CASE_FIGURES } from '../../../../shared/cases/figures';
import { figureColumns } from '../../cases/figures';
import { caseConditions, type CaseQueryContext } from '../../cases/list';
import { cases } from '../../cases/schema';
import { loadTaxonomy, retiredCategory } from '../../cases/taxonomy-store';

/** The form's count columns, in print order. */
export const CASE_HANDLING_KEYS = [
  'registered',
  'accepted',
  'rejected',
  'assigned',
  'closed',
  'onTime',
  'overdue',
  'onSpot',
] as const satisfies readonly (keyof typeof CASE_FIGURES)[];

export type CaseHandlingKey = (typeof CASE_HANDLING_KEYS)[number];
export type CaseHandlingCounts = Record<CaseHandlingKey, number>;

/** Each column as the filter that narrows the period's cases to it (the shared definitions). */
export const CASE_HANDLING_FILTERS = Object.fromEntries(
  CASE_HANDLING_KEYS.map((k) => [k, CASE_FIGURES[k] as CaseFilter]),
) as Record<CaseHandlingKey, CaseFilter>;

export interface CategoryCounts extends CaseHandlingCounts {
  code: string;
  name: string;
}

export interface CaseHandlingQuery {
  /** First and last Shanghai day of the period, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** One village or community; null for the whole township. */
  villageId: string | null;
}

/** The period and scope as the case list's filter. */
export function caseHandlingFilter(q: CaseHandlingQuery): CaseFilter {
  return { createdFrom: q.from, createdTo: q.to, ...(q.villageId ? { villageId: q.villageId } : {}) };
}

/**
 * Every column in one grouped scan of the period's cases: each is the count of its figure's filter
 * (subsetCount), so it still equals countCases of the period with that filter — and a year over a
 * million cases reads its index range once, not once a column.
 */
function perCategory(ctx: CaseQueryContext, base: CaseFilter): Map<string, CaseHandlingCounts> {
  const columns = figureColumns(ctx, base, CASE_HANDLING_KEYS) as Record<CaseHandlingKey, SQL<number>>;
  const rows = ctx.db
    .select({ code: cases.categoryCode, ...columns })
    .from(cases)
    .where(caseConditions(ctx, base))
    .groupBy(cases.categoryCode)
    .all();
  return new Map(rows.map(({ code, ...counts }) => [code, counts]));
}

/**
 * Every 大类 of the taxonomy in its order, with zeros where nothing came in (the county reads the
 * same rows every month); a 大类 since removed (retired) still shows its cases, under its last name.
 */
export function caseHandlingFigures(ctx: CaseQueryContext, q: CaseHandlingQuery): CategoryCounts[] {
  const counts = perCategory(ctx, caseHandlingFilter(q));
  const named = loadTaxonomy(ctx.db).categories.map((c) => ({ code: c.code, name: c.name }));
  const known = new Set(named.map((c) => c.code));
  const extra = [...counts.keys()].filter((code) => !known.has(code)).sort();
  const gone = extra.map((code) => ({ code, name: retiredCategory(ctx.db, code)?.name ?? `大类 ${code}` }));
  return [...named, ...gone].map((c) => {
    const row = { ...c } as CategoryCounts;
    for (const k of CASE_HANDLING_KEYS) row[k] = counts.get(c.code)?.[k] ?? 0;
    return row;
  });
}
