import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import { CASE_STATES } from '../cases/loop';
import { method } from './define';

const day = z.string(); // YYYY-MM-DD, Shanghai

export const dashboardSummarySchema = z.object({
  /** This month as Shanghai days, for links and captions. */
  month: z.object({ from: day, to: day }),
  /**
   * Each equals cases.list's total for the filter named beside it. The month's figures are the
   * shared definitions (shared/cases/figures.ts) over quick: thisMonth, so they equal the
   * 网格事件处置情况统计表's 合计 for the month.
   */
  tiles: z.object({
    mine: z.number(), // quick: mine
    dueSoon: z.number(), // quick: dueSoon
    overdue: z.number(), // quick: overdue
    review: z.number(), // quick: review
    monthRegistered: z.number(), // 登记: quick: thisMonth
    monthAccepted: z.number(), // 受理: thisMonth + CASE_FIGURES.accepted
    monthClosed: z.number(), // 办结: thisMonth + CASE_FIGURES.closed
    monthResolved: z.number(), // 化解: thisMonth + CASE_FIGURES.resolved
    monthOnSpot: z.number(), // 就地化解: thisMonth + CASE_FIGURES.onSpot
  }),
  /** 办结率 = monthClosed / monthAccepted, rounded as shared/rate.ts rounds; null with nothing accepted. */
  rate: z.number().nullable(),
  /** This month's cases by state, in loop order, states with none left out. */
  byState: z.array(z.object({ state: z.enum(CASE_STATES), count: z.number() })),
  /** This month's cases by 大类, in taxonomy order, categories with none left out. */
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  /**
   * This calendar year, township-wide: the 网格化服务管理工作情况统计表's 合计 row for the year (the
   * same figures function), so the desk and the printed form cannot disagree.
   */
  year: z.object({
    year: z.number(),
    from: day,
    to: day,
    buildings: z.number(), // 楼院采集: fieldwork.buildings list, 采集日期 in the year
    visits: z.number(), // 入户走访（户次）: fieldwork.visits list, method 入户, 走访日期 in the year
    appeals: z.number(), // 收集群众诉求: cases from the hotline, 12345 and walk-ins
    disputesResolved: z.number(), // 化解矛盾纠纷: CASE_FIGURES.resolved
    accepted: z.number(), // 办理事项: 受理数, CASE_FIGURES.accepted
    closed: z.number(), // 办结: CASE_FIGURES.closed
    /** 办结率 = closed / accepted (null with nothing accepted). */
    closedRate: z.number().nullable(),
  }),
  /** The last 12 months, oldest first: 登记 in each, and 办结 among them (the figures' filters). */
  trend: z.array(z.object({ month: z.string(), from: day, to: day, registered: z.number(), closed: z.number() })),
});
export type DashboardSummary = z.infer<typeof dashboardSummarySchema>;

export const dashboardApi = {
  'dashboard.summary': method({
    title: '工作台统计',
    access: ALL_ROLES,
    write: false,
    input: z.object({}),
    output: dashboardSummarySchema,
  }),
};
