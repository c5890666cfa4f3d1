/**
 * Working-day deadlines, always on the Asia/Shanghai calendar.
 *
 * Counting rule (as 民法典 第二百零一条 counts periods): the day a step starts is not counted;
 * the limit's n working days are the n working days after it, and the deadline is the end of
 * the n-th (23:59:59.999 Shanghai). So the hour of registration never matters (no 17:30 cut-off
 * to argue about), and a case registered on a weekend or holiday starts counting on the next
 * working day like one registered on the Friday before. A limit of 0 means 当日办结: the end of
 * the start day, or of the next working day when the start day is a day off.
 *
 * Traffic light: yellow from 70 % of the allowed time, measured in working time only — the clock
 * stops over weekends and holidays, so a case spanning 国庆 does not turn yellow while nobody can
 * work on it, and an approved extension widens the allowed time. Red once the deadline has passed.
 */
import { isWorkingDate, type HolidayCalendar } from './holiday-calendar';

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
/** No sane limit needs more days than this; a calendar with no working days must not loop forever. */
const SEARCH_LIMIT_DAYS = 3_660;

/** Yellow at this share of the allowed working time, in per cent. */
export const YELLOW_PERCENT = 70;
export type DeadlineLight = 'green' | 'yellow' | 'red';

/** Shanghai day number: days since 1970-01-01 in UTC+8. */
const dayOf = (t: Date | number) => Math.floor((+t + SHANGHAI_OFFSET_MS) / DAY_MS);
const dayStart = (day: number) => day * DAY_MS - SHANGHAI_OFFSET_MS;
const isoOfDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
// 1970-01-01 was a Thursday.
const weekdayOfDay = (day: number) => (((day + 4) % 7) + 7) % 7;

function isWorkingDayNumber(day: number, calendar: HolidayCalendar): boolean {
  return isWorkingDate(isoOfDay(day), weekdayOfDay(day), calendar);
}

/** Whether the Shanghai calendar day of this instant is a working day. */
export function isWorkingDay(instant: Date, calendar: HolidayCalendar): boolean {
  return isWorkingDayNumber(dayOf(instant), calendar);
}

function assertDays(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${what}必须是非负整数，收到 ${n}`);
}

function nthWorkingDayAfter(day: number, n: number, calendar: HolidayCalendar): number {
  let found = 0;
  for (let d = day + 1, i = 0; i < SEARCH_LIMIT_DAYS; d++, i++) {
    if (isWorkingDayNumber(d, calendar) && ++found === n) return d;
  }
  throw new RangeError('日历中找不到足够的工作日，请检查节假日设置');
}

/** The deadline of a step that starts at `start` and allows `n` working days. */
export function addWorkingDays(start: Date, n: number, calendar: HolidayCalendar): Date {
  assertDays(n, '期限天数');
  const day = dayOf(start);
  const last =
    n === 0
      ? isWorkingDayNumber(day, calendar)
        ? day
        : nthWorkingDayAfter(day, 1, calendar)
      : nthWorkingDayAfter(day, n, calendar);
  return new Date(dayStart(last + 1) - 1);
}

/** The end (23:59:59.999 Shanghai) of a calendar day given as YYYY-MM-DD: a date set from outside. */
export function endOfShanghaiDate(isoDate: string): Date {
  const day = Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
  return new Date(dayStart(day + 1) - 1);
}

/** An approved 延期 of `days` working days, counted on from the current deadline. */
export function extendDeadline(due: Date, days: number, calendar: HolidayCalendar): Date {
  assertDays(days, '延期天数');
  return days === 0 ? due : addWorkingDays(due, days, calendar);
}

/**
 * Working days after `from`'s day up to and including `to`'s day; negative when `to` is earlier.
 * `workingDaysBetween(start, addWorkingDays(start, n))` is n for every n ≥ 1, and
 * `workingDaysBetween(now, due)` is what is left (0 on the last day).
 */
export function workingDaysBetween(from: Date, to: Date, calendar: HolidayCalendar): number {
  const a = dayOf(from);
  const b = dayOf(to);
  if (b < a) return -workingDaysBetween(to, from, calendar);
  let count = 0;
  for (let d = a + 1; d <= b; d++) if (isWorkingDayNumber(d, calendar)) count++;
  return count;
}

/** Milliseconds of [from, to) that fall on working days. */
function workingMs(from: number, to: number, calendar: HolidayCalendar): number {
  let total = 0;
  for (let d = dayOf(from); dayStart(d) < to; d++) {
    if (!isWorkingDayNumber(d, calendar)) continue;
    total += Math.max(0, Math.min(to, dayStart(d + 1)) - Math.max(from, dayStart(d)));
  }
  return total;
}

/** Green, yellow (≥ 70 % of the working time used) or red (past the deadline). */
export function deadlineLight(start: Date, due: Date, now: Date, calendar: HolidayCalendar): DeadlineLight {
  if (+now > +due) return 'red';
  // The start day is not counted, so the clock starts at the next midnight (当日 limits: at once).
  const nextMidnight = dayStart(dayOf(start) + 1);
  const clockStart = nextMidnight < +due ? nextMidnight : +start;
  const allowed = workingMs(clockStart, +due + 1, calendar);
  if (allowed <= 0) return 'yellow';
  const used = +now <= clockStart ? 0 : workingMs(clockStart, +now, calendar);
  // Integers compared without division, so exactly 70 % is yellow.
  return used * 100 >= allowed * YELLOW_PERCENT ? 'yellow' : 'green';
}
