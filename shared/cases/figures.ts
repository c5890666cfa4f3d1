/**
 * The figures a county reads on every form, each defined once as the case list's filter that picks
 * its cases out of a period's registrations. The report forms, the 工作台 and the case list's links
 * all count through these, so a number means the same everywhere and equals its list's total.
 *
 * Over the cases registered in the period (their `createdAt`, Shanghai calendar), deleted ones left out:
 * - 登记数: every one, whatever became of it.
 * - 受理数: taken on at 甄别 (甄别有效) and anywhere after it in the loop — never 不予受理, 合并 or
 *   备案. A 就地化解 case is closed at registration, so its state counts it here as it should.
 * - 不予受理数: refused at 甄别.
 * - 交办数: handed to someone to deal with, and anywhere after it; a 就地化解 case was never handed.
 * - 办结数: accepted and closed (state 已办结; merged, refused and filed cases end in states of their own).
 * - 按期办结数: closed and never late; 超期数: missed a deadline, whether closed since or still open.
 * - 化解数: disputes whose mediation ended 调解成功 (only a dispute can record a mediation result).
 * - 就地化解数: found and settled on the spot.
 * - 备案数: filed only; printed only where a form has a 备案 column of its own.
 * 办结率 = 办结 / 受理, 按期办结率 = 按期办结 / 办结 (shared/rate.ts rounds them).
 */
import type { CaseFilter } from '../api/cases';
import type { CaseState } from './loop';

/** 甄别有效 and everything after it in the loop. */
export const ACCEPTED_STATES = [
  'accepted',
  'assigned',
  'handling',
  'handled',
  'fedBack',
  'closed',
] as const satisfies readonly CaseState[];

/** 交办 and everything after it. */
export const ASSIGNED_STATES = [
  'assigned',
  'handling',
  'handled',
  'fedBack',
  'closed',
] as const satisfies readonly CaseState[];

export const CASE_FIGURES = {
  registered: {},
  accepted: { states: [...ACCEPTED_STATES] },
  rejected: { states: ['rejected'] },
  assigned: { states: [...ASSIGNED_STATES], onSpot: false },
  closed: { states: ['closed'] },
  onTime: { states: ['closed'], late: false },
  overdue: { late: true },
  resolved: { mediationResults: ['success'] },
  onSpot: { onSpot: true },
  filed: { states: ['filed'] },
} as const satisfies Record<string, CaseFilter>;

export type CaseFigure = keyof typeof CASE_FIGURES;

/** Each figure's name as the forms and the 工作台 print it. */
export const CASE_FIGURE_LABELS: Record<CaseFigure, string> = {
  registered: '登记',
  accepted: '受理',
  rejected: '不予受理',
  assigned: '交办',
  closed: '办结',
  onTime: '按期办结',
  overdue: '超期',
  resolved: '化解',
  onSpot: '就地化解',
  filed: '备案',
};

/** The filter of one figure as a fresh, mutable CaseFilter (the list and the links take it as is). */
export function figureFilter(figure: CaseFigure): CaseFilter {
  const f = CASE_FIGURES[figure] as CaseFilter;
  return f.states ? { ...f, states: [...f.states] } : { ...f };
}
