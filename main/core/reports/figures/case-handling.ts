/**
 * The 网格事件处置情况统计表's figures: the cases registered in a period (the same cohort the
 * 工作台's 处置率 counts), per 大类, at each stage of the loop they have reached. Every figure is a
 * case filter counted through cases/list.ts's caseConditions (and subsetCount), so each equals the total of the case
 * list that filter opens, and the 合计 处置率 equals the 工作台's for the same month.
 */
import type { SQL } from 'drizzle-orm';
import type { CaseFilter } from '../../../../shared/api/cases';
import { HANDLED_STATES } from '../../../../shared/cases/handling-rate';
import { caseConditions, subsetCount, type CaseQueryContext } from '../../cases/list';
import { cases } from '../../cases/schema';
import { loadTaxonomy, retiredCategory } from '../../cases/taxonomy-store';

/** The columns counted, each as the filter that narrows the period's cases to it. */
export const CASE_HANDLING_FILTERS = {
  /** 受理数: every case registered in the period, whatever became of it. */
  received: {},
  /** 甄别有效: taken on at 甄别 (not merged, refused or only filed) and anywhere after it. */
  accepted: { states: ['accepted', 'assigned', 'handling', 'handled', 'fedBack', 'closed'] },
  /** 交办数: handed to someone to deal with, and anywhere after it. */
  assigned: { states: ['assigned', 'handling', 'handled', 'fedBack', 'closed'] },
  /** 处置数: as the 工作台's 处置率 counts it (shared/cases/handling-rate.ts). */
  handled: { states: [...HANDLED_STATES] },
  closed: { states: ['closed'] },
  onTime: { states: ['closed'], late: false },
  /** 超期数: missed a deadline, whether closed since or still open. */
  overdue: { late: true },
} satisfies Record<string, CaseFilter>;

export type CaseHandlingKey = keyof typeof CASE_HANDLING_FILTERS;
export type CaseHandlingCounts = Record<CaseHandlingKey, number>;

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

const KEYS = Object.keys(CASE_HANDLING_FILTERS) as CaseHandlingKey[];

/** The period and scope as the case list's filter. */
export function caseHandlingFilter(q: CaseHandlingQuery): CaseFilter {
  return { createdFrom: q.from, createdTo: q.to, ...(q.villageId ? { villageId: q.villageId } : {}) };
}

/**
 * Every column in one grouped scan of the period's cases: each is the count of its subset filter
 * (subsetCount), so it still equals countCases of the period with that filter — and a year over a
 * million cases reads its index range once, not once a column.
 */
function perCategory(ctx: CaseQueryContext, base: CaseFilter): Map<string, CaseHandlingCounts> {
  const columns = Object.fromEntries(KEYS.map((k) => [k, subsetCount(ctx, base, CASE_HANDLING_FILTERS[k])]));
  const rows = ctx.db
    .select({ code: cases.categoryCode, ...(columns as Record<CaseHandlingKey, SQL<number>>) })
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
    for (const k of KEYS) row[k] = counts.get(c.code)?.[k] ?? 0;
    return row;
  });
}
