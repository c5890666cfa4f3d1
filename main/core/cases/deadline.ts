/**
 * A step's clock as stored on the case: the deadline and the instant it turns yellow, both derived
 * from shared/cases/working-days.ts so the stored instants and the pure rules cannot disagree.
 */
import type { LimitStep } from '../../../shared/cases/loop';
import type { HolidayCalendar } from '../../../shared/cases/holiday-calendar';
import {
  addWorkingDays,
  deadlineLight,
  endOfShanghaiDate,
  extendDeadline,
  type DeadlineLight,
} from '../../../shared/cases/working-days';

export interface StepClock {
  startedAt: string;
  limitDays: number;
  extensionDays: number;
  /** A deadline set from outside (上级交办's 办理时限, YYYY-MM-DD): its day's end replaces the limit. */
  fixedDueDate?: string | null;
}

/** 上级交办 orders carry their own 办理时限: the handling clock runs to it, not to the taxonomy's limit. */
export function fixedDueDateOf(
  row: { source: string; orderDueDate: string | null },
  step: LimitStep | null,
): string | null {
  return row.source === 'superior' && step === 'handle' ? row.orderDueDate : null;
}

/** The first instant at which deadlineLight says yellow (it only ever moves green → yellow → red). */
function firstYellow(start: Date, due: Date, calendar: HolidayCalendar): Date {
  let lo = +start; // invariant: light(hi) is yellow, light(lo) may be green
  let hi = +due;
  if (deadlineLight(start, due, new Date(lo), calendar) !== 'green') return new Date(lo);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (deadlineLight(start, due, new Date(mid), calendar) === 'green') lo = mid;
    else hi = mid;
  }
  return new Date(hi);
}

/** Deadline (limit plus approved extensions, in working days) and the start of its yellow light. */
export function clockInstants(clock: StepClock, calendar: HolidayCalendar): { dueAt: string; yellowAt: string } {
  const start = new Date(clock.startedAt);
  const base = clock.fixedDueDate
    ? endOfShanghaiDate(clock.fixedDueDate)
    : addWorkingDays(start, clock.limitDays, calendar);
  const due = extendDeadline(base, clock.extensionDays, calendar);
  return { dueAt: due.toISOString(), yellowAt: firstYellow(start, due, calendar).toISOString() };
}

/** The light at `now` from the stored instants; null when no clock runs (not reported yet, or ended). */
export function lightAt(row: { dueAt: string | null; yellowAt: string | null }, now: string): DeadlineLight | null {
  if (!row.dueAt || !row.yellowAt) return null;
  if (now > row.dueAt) return 'red';
  return now >= row.yellowAt ? 'yellow' : 'green';
}
