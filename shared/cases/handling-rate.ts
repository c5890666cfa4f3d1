/**
 * 处置率 (handling rate), as the 工作台 shows it and the report forms will print it.
 *
 *   处置率 = handled / received, over the cases REGISTERED in the period (their `createdAt`, Shanghai
 *   calendar), deleted ones left out. received = every such case whatever its state now. handled =
 *   those among them that no longer wait for anyone to act: dealt with on the ground (已处置, 已反馈,
 *   已办结) or disposed of at 甄别 (已合并 as a duplicate, 不予受理, 已备案).
 *
 * It is a cohort rate: a case registered in May and closed in June counts in May's rate, so a
 * period's rate is final once its cases are, and each number is the total of one case list.
 */
import type { CaseState } from './loop';

export const HANDLED_STATES: readonly CaseState[] = ['handled', 'fedBack', 'closed', 'merged', 'rejected', 'filed'];

/** handled / received in [0, 1]; null when nothing was received (no rate, rather than 0 % or 100 %). */
export function handlingRate(handled: number, received: number): number | null {
  return received > 0 ? handled / received : null;
}

/** `99.74 %`, truncated rather than rounded, so 13,836 of 13,837 never shows as 100.00 %. */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.floor(rate * 10_000) / 100).toFixed(2)} %`;
}
