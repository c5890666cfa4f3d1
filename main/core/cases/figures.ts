/**
 * Counting the shared figures (shared/cases/figures.ts) over a base filter: each figure is a
 * `count(*) FILTER (WHERE …)` column (subsetCount) of one scan of the base's cases, so it equals
 * countCases({ ...base, ...figure }) — the total of the list a click on it opens.
 */
import type { SQL } from 'drizzle-orm';
import type { CaseFilter } from '../../../shared/api/cases';
import { CASE_FIGURES, type CaseFigure } from '../../../shared/cases/figures';
import { caseConditions, subsetCount, type CaseQueryContext } from './list';
import { cases } from './schema';

export type FigureCounts<K extends CaseFigure> = Record<K, number>;

/** The figures as SQL columns over `base`'s cases, for a select of one's own (grouped or not). */
export function figureColumns<K extends CaseFigure>(
  ctx: CaseQueryContext,
  base: CaseFilter,
  figures: readonly K[],
): Record<K, SQL<number>> {
  return Object.fromEntries(figures.map((k) => [k, subsetCount(ctx, base, CASE_FIGURES[k] as CaseFilter)])) as Record<
    K,
    SQL<number>
  >;
}

/** The figures over `base`'s cases, in one scan. */
export function countFigures<K extends CaseFigure>(
  ctx: CaseQueryContext,
  base: CaseFilter,
  figures: readonly K[],
): FigureCounts<K> {
  const row = ctx.db
    .select(figureColumns(ctx, base, figures) as Record<string, SQL<number>>)
    .from(cases)
    .where(caseConditions(ctx, base))
    .get();
  return Object.fromEntries(figures.map((k) => [k, Number(row?.[k] ?? 0)])) as FigureCounts<K>;
}
