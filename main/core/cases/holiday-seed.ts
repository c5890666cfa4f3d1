/**
 * The default holiday calendar, from the chinese-days package (the State Council's yearly
 * notices as data). The main process ships it; shared/ only ever receives the calendar as data.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import {
  calendarDaysSchema,
  holidayCalendar,
  type CalendarDay,
  type HolidayCalendar,
} from '../../../shared/cases/holiday-calendar';

// Each value reads "National Day,国庆节,3": English name, Chinese name, length of the break.
const packageDataSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

/** createRequire, not an ESM import: the bundle keeps dependencies external, and plain Node ESM refuses JSON imports without an attribute. */
function loadPackageData(): unknown {
  return createRequire(import.meta.url)('chinese-days/dist/chinese-days.json');
}

function chineseName(value: string, fallback: string): string {
  return value.split(',')[1]?.trim() || fallback;
}

/** Statutory holidays and 调休 working days, oldest first, checked like any calendar the centre edits. */
export function seedCalendarDays(data: unknown = loadPackageData()): CalendarDay[] {
  const parsed = packageDataSchema.parse(data);
  const days: CalendarDay[] = [
    ...Object.entries(parsed.holidays).map(([date, v]) => ({
      date,
      kind: 'holiday' as const,
      name: chineseName(v, '节假日'),
    })),
    ...Object.entries(parsed.workdays).map(([date, v]) => ({
      date,
      kind: 'workday' as const,
      name: chineseName(v, '调休'),
    })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return calendarDaysSchema.parse(days);
}

let cached: HolidayCalendar | undefined;

/** The shipped calendar, built once. */
export function defaultHolidayCalendar(): HolidayCalendar {
  cached ??= holidayCalendar(seedCalendarDays());
  return cached;
}
