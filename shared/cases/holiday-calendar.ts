/**
 * The holiday calendar deadlines are counted on: statutory holidays (法定节假日, including the
 * weekend days inside a break) and make-up working days (调休上班). Every other day is a working
 * day Monday to Friday. Data, not code: the main process seeds it and the centre may edit it.
 */
import { z } from 'zod';
import { isRealDate } from '../dates';

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, string> = {
  holiday: '放假',
  workday: '调休上班',
};

const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isoDateSchema = z.string({ message: '请填写日期' }).refine(
  (s) => {
    const m = ISO_DATE_RE.exec(s);
    return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
  },
  { message: '日期格式应为 YYYY-MM-DD，且须是真实的日期' },
);

export const calendarDaySchema = z.object({
  date: isoDateSchema,
  kind: z.enum(CALENDAR_DAY_KINDS, { message: '日期类型只能是 放假 或 调休上班' }),
  name: z
    .string({ message: '请填写节日名称' })
    .trim()
    .min(1, { message: '请填写节日名称' })
    .max(40, { message: '节日名称不能超过 40 个字' }),
});
export type CalendarDay = z.infer<typeof calendarDaySchema>;

export const calendarDaysSchema = z.array(calendarDaySchema).superRefine((days, ctx) => {
  const seen = new Set<string>();
  days.forEach((d, i) => {
    if (seen.has(d.date)) ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${d.date} 重复登记` });
    seen.add(d.date);
  });
});

export interface HolidayCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

/** Plain Monday-to-Friday weeks: for tests and for years nobody has entered yet. */
export const WEEKDAYS_ONLY: HolidayCalendar = { holidays: new Set(), workdays: new Set() };

export function holidayCalendar(days: readonly Pick<CalendarDay, 'date' | 'kind'>[]): HolidayCalendar {
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const d of days) (d.kind === 'holiday' ? holidays : workdays).add(d.date);
  return { holidays, workdays };
}

/** `weekday`: 0 = Sunday … 6 = Saturday, of the same ISO date. */
export function isWorkingDate(iso: string, weekday: number, calendar: HolidayCalendar): boolean {
  if (calendar.workdays.has(iso)) return true;
  if (calendar.holidays.has(iso)) return false;
  return weekday !== 0 && weekday !== 6;
}
