import { z } from 'zod';
import { ALL_ROLES } from '../roles';
import { CASE_STATES } from '../cases/loop';
import { method } from './define';

const day = z.string(); // YYYY-MM-DD, Shanghai

export const dashboardSummarySchema = z.object({
  /** This month as Shanghai days, for links and captions. */
  month: z.object({ from: day, to: day }),
  /** Each equals cases.list's total for the filter named beside it. */
  tiles: z.object({
    mine: z.number(), // quick: mine
    dueSoon: z.number(), // quick: dueSoon
    overdue: z.number(), // quick: overdue
    review: z.number(), // quick: review
    monthReceived: z.number(), // quick: thisMonth
    monthClosed: z.number(), // quick: thisMonth, states: [closed]
    monthHandled: z.number(), // quick: thisMonth, states: HANDLED_STATES
  }),
  /** monthHandled / monthReceived (shared/cases/handling-rate.ts); null with nothing received. */
  rate: z.number().nullable(),
  /** This month's cases by state, in loop order, states with none left out. */
  byState: z.array(z.object({ state: z.enum(CASE_STATES), count: z.number() })),
  /** This month's cases by 大类, in taxonomy order, categories with none left out. */
  byCategory: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
  /** The last 12 months, oldest first: cases registered in each, and how many of those are closed. */
  trend: z.array(z.object({ month: z.string(), from: day, to: day, received: z.number(), closed: z.number() })),
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
