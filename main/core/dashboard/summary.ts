/**
 * The 工作台's numbers. Every one is counted through cases/list.ts's caseConditions with the filter
 * its click opens, so a tile, a bar or a trend point always equals the total of that list.
 */
import { sql } from 'drizzle-orm';
import type { CaseFilter } from '../../../shared/api/cases';
import type { DashboardSummary } from '../../../shared/api/dashboard';
import { rateOf } from '../../../shared/rate';
import { CASE_STATES, type CaseState } from '../../../shared/cases/loop';
import { shanghaiDateIso } from '../../../shared/dates';
import type { HandlerContext } from '../context';
import { countFigures } from '../cases/figures';
import { caseConditions, countCases } from '../cases/list';
import { cases } from '../cases/schema';
import { loadTaxonomy } from '../cases/taxonomy-store';
import { fieldworkYearFigures, type FieldworkYearCounts } from '../reports/figures/fieldwork-yearly';
import { parsePeriod } from '../reports/periods';

const TREND_MONTHS = 12;
const pad = (n: number) => String(n).padStart(2, '0');

/** A Shanghai calendar month `monthsBack` before the one `today` (YYYY-MM-DD) falls in, as days. */
export function monthOf(today: string, monthsBack = 0): { month: string; from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 - monthsBack, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  const month = `${first.getUTCFullYear()}-${pad(first.getUTCMonth() + 1)}`;
  return { month, from: `${month}-01`, to: `${month}-${pad(last.getUTCDate())}` };
}

/** Cases matching `filter`, counted per value of one column (one grouped query, same WHERE). */
function countBy(ctx: HandlerContext, filter: CaseFilter, column: typeof cases.state | typeof cases.categoryCode) {
  const rows = ctx.db
    .select({ key: column, n: sql<number>`count(*)` })
    .from(cases)
    .where(caseConditions(ctx, filter))
    .groupBy(column)
    .all();
  return new Map(rows.map((r) => [r.key as string, r.n]));
}

export function dashboardSummary(ctx: HandlerContext): DashboardSummary {
  const thisMonth: CaseFilter = { quick: 'thisMonth' };
  // The month's figures as the 网格事件处置情况统计表 counts them (one scan, the shared filters).
  const month = countFigures(ctx, thisMonth, ['registered', 'accepted', 'closed', 'resolved', 'onSpot'] as const);

  const perState = countBy(ctx, thisMonth, cases.state);
  const byState = CASE_STATES.filter((s) => perState.has(s)).map((state: CaseState) => ({
    state,
    count: perState.get(state)!,
  }));

  const perCategory = countBy(ctx, thisMonth, cases.categoryCode);
  const named = loadTaxonomy(ctx.db).categories.map((c) => ({ code: c.code, name: c.name }));
  // A category since removed from the taxonomy still has its cases: shown under its code.
  const known = new Set(named.map((c) => c.code));
  const extra = [...perCategory.keys()].filter((code) => !known.has(code)).sort();
  const byCategory = [...named, ...extra.map((code) => ({ code, name: `大类 ${code}` }))]
    .filter((c) => perCategory.has(c.code))
    .map((c) => ({ ...c, count: perCategory.get(c.code)! }));

  const today = shanghaiDateIso(new Date(ctx.now));
  const trend = Array.from({ length: TREND_MONTHS }, (_, i) => monthOf(today, TREND_MONTHS - 1 - i)).map((m) => {
    const period: CaseFilter = { createdFrom: m.from, createdTo: m.to };
    return { ...m, ...countFigures(ctx, period, ['registered', 'closed'] as const) };
  });

  const current = monthOf(today);
  const yearPeriod = parsePeriod(today.slice(0, 4));
  // The yearly form's 合计: its rows summed, as the form's total row sums them.
  const year: FieldworkYearCounts = {
    buildings: 0,
    visits: 0,
    remoteContacts: 0,
    appeals: 0,
    disputesResolved: 0,
    accepted: 0,
    closed: 0,
  };
  for (const row of fieldworkYearFigures(ctx, { period: yearPeriod, villageId: null })) {
    for (const k of Object.keys(year) as (keyof FieldworkYearCounts)[]) year[k] += row[k];
  }
  return {
    month: { from: current.from, to: current.to },
    tiles: {
      mine: countCases(ctx, { quick: 'mine' }),
      dueSoon: countCases(ctx, { quick: 'dueSoon' }),
      overdue: countCases(ctx, { quick: 'overdue' }),
      review: countCases(ctx, { quick: 'review' }),
      monthRegistered: month.registered,
      monthAccepted: month.accepted,
      monthClosed: month.closed,
      monthResolved: month.resolved,
      monthOnSpot: month.onSpot,
    },
    rate: rateOf(month.closed, month.accepted),
    year: {
      year: Number(yearPeriod.code),
      from: yearPeriod.start,
      to: yearPeriod.end,
      buildings: year.buildings,
      visits: year.visits,
      appeals: year.appeals,
      disputesResolved: year.disputesResolved,
      accepted: year.accepted,
      closed: year.closed,
      closedRate: rateOf(year.closed, year.accepted),
    },
    byState,
    byCategory,
    trend,
  };
}
