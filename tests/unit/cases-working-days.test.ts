import { describe, expect, it } from 'vitest';
import type { Clock } from '../../main/core/clock';
import { defaultHolidayCalendar, seedCalendarDays } from '../../main/core/cases/holiday-seed';
import { WEEKDAYS_ONLY, calendarDaysSchema, holidayCalendar } from '../../shared/cases/holiday-calendar';
import {
  addWorkingDays,
  deadlineLight,
  extendDeadline,
  isWorkingDay,
  workingDaysBetween,
} from '../../shared/cases/working-days';

/** A wall-clock time in Shanghai. */
const sh = (local: string) => new Date(`${local}+08:00`);
/** The end of a Shanghai day, where every deadline falls. */
const endOf = (date: string) => sh(`${date}T23:59:59.999`);

const cal = defaultHolidayCalendar();

describe('the shipped holiday calendar (chinese-days)', () => {
  it('has 国庆节 2026 as the State Council set it', () => {
    for (let d = 1; d <= 7; d++) expect(cal.holidays.has(`2026-10-0${d}`), `10-0${d}`).toBe(true);
    expect(cal.holidays.has('2026-10-08')).toBe(false);
    // 调休: Sunday 20 September and Saturday 10 October are working days.
    expect(cal.workdays.has('2026-09-20')).toBe(true);
    expect(cal.workdays.has('2026-10-10')).toBe(true);
    expect(isWorkingDay(sh('2026-10-10T09:00'), cal)).toBe(true);
    expect(isWorkingDay(sh('2026-10-11T09:00'), cal)).toBe(false);
  });

  it('has 春节 2026 with its 调休 Saturdays', () => {
    for (let d = 15; d <= 23; d++) expect(cal.holidays.has(`2026-02-${d}`), `02-${d}`).toBe(true);
    expect(cal.workdays.has('2026-02-14')).toBe(true);
    expect(cal.workdays.has('2026-02-28')).toBe(true);
  });

  it("names the days in Chinese and passes the schema the centre's edits will", () => {
    const days = seedCalendarDays();
    expect(days.find((d) => d.date === '2026-10-01')).toEqual({ date: '2026-10-01', kind: 'holiday', name: '国庆节' });
    expect(days.find((d) => d.date === '2026-10-10')).toEqual({ date: '2026-10-10', kind: 'workday', name: '国庆节' });
    expect(calendarDaysSchema.safeParse(days).success).toBe(true);
  });

  it('refuses a calendar with a date twice or a date that does not exist', () => {
    const twice = calendarDaysSchema.safeParse([
      { date: '2026-10-01', kind: 'holiday', name: '国庆节' },
      { date: '2026-10-01', kind: 'workday', name: '国庆节' },
    ]);
    expect(twice.error?.issues[0]).toMatchObject({ path: [1, 'date'], message: '2026-10-01 重复登记' });
    const bad = calendarDaysSchema.safeParse([{ date: '2026-02-30', kind: 'holiday', name: '春节' }]);
    expect(bad.error?.issues[0]?.message).toBe('日期格式应为 YYYY-MM-DD，且须是真实的日期');
  });
});

describe('addWorkingDays', () => {
  it('skips 国庆: registered 2026-09-30 with 3 working days is due at the end of Saturday 10 October (调休)', () => {
    expect(addWorkingDays(sh('2026-09-30T10:00'), 3, cal)).toEqual(endOf('2026-10-10'));
    expect(addWorkingDays(sh('2026-09-30T10:00'), 3, cal).toISOString()).toBe('2026-10-10T15:59:59.999Z');
    expect(addWorkingDays(sh('2026-09-30T10:00'), 1, cal)).toEqual(endOf('2026-10-08'));
    // Registered during the holiday: counting starts on the first working day after it.
    expect(addWorkingDays(sh('2026-10-03T15:00'), 3, cal)).toEqual(endOf('2026-10-10'));
  });

  it('skips 春节 and counts its 调休 Saturdays', () => {
    // Fri 13 Feb: Sat 14 (调休) is day 1, then Tue 24 and Wed 25.
    expect(addWorkingDays(sh('2026-02-13T09:00'), 3, cal)).toEqual(endOf('2026-02-25'));
    expect(addWorkingDays(sh('2026-02-18T09:00'), 1, cal)).toEqual(endOf('2026-02-24'));
    expect(addWorkingDays(sh('2026-02-27T09:00'), 1, cal)).toEqual(endOf('2026-02-28'));
  });

  it('skips weekends, and ignores the hour of registration', () => {
    // Friday 27 November 2026.
    expect(addWorkingDays(sh('2026-11-27T08:00'), 3, cal)).toEqual(endOf('2026-12-02'));
    expect(addWorkingDays(sh('2026-11-27T23:50'), 3, cal)).toEqual(endOf('2026-12-02'));
    expect(addWorkingDays(sh('2026-11-28T10:00'), 3, cal)).toEqual(endOf('2026-12-02'));
    expect(addWorkingDays(sh('2026-11-27T10:00'), 1, cal)).toEqual(endOf('2026-11-30'));
    // Shanghai days, not UTC days: 00:30 Shanghai Saturday is still Friday in UTC.
    expect(addWorkingDays(sh('2026-11-28T00:30'), 1, cal)).toEqual(endOf('2026-11-30'));
    expect(addWorkingDays(sh('2026-11-27T10:00'), 15, WEEKDAYS_ONLY)).toEqual(endOf('2026-12-18'));
  });

  it('reads a limit of 0 as 当日办结', () => {
    expect(addWorkingDays(sh('2026-11-27T10:00'), 0, cal)).toEqual(endOf('2026-11-27'));
    expect(addWorkingDays(sh('2026-11-28T10:00'), 0, cal)).toEqual(endOf('2026-11-30'));
    expect(addWorkingDays(sh('2026-10-01T10:00'), 0, cal)).toEqual(endOf('2026-10-08'));
  });

  it('refuses nonsense instead of guessing', () => {
    expect(() => addWorkingDays(sh('2026-11-27T10:00'), -1, cal)).toThrow(RangeError);
    expect(() => addWorkingDays(sh('2026-11-27T10:00'), 1.5, cal)).toThrow(RangeError);
    const allOff = holidayCalendar(
      Array.from({ length: 4000 }, (_, i) => ({
        date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
        kind: 'holiday' as const,
      })),
    );
    expect(() => addWorkingDays(sh('2026-01-01T10:00'), 1, allOff)).toThrow('日历中找不到足够的工作日');
  });

  it('adds approved extension days from the current deadline', () => {
    const due = addWorkingDays(sh('2026-09-30T10:00'), 3, cal);
    expect(extendDeadline(due, 2, cal)).toEqual(endOf('2026-10-13'));
    expect(extendDeadline(due, 0, cal)).toEqual(due);
  });
});

describe('workingDaysBetween', () => {
  it('undoes addWorkingDays for every limit, across the whole of 2026', () => {
    for (let day = 0; day < 365; day += 3) {
      const start = new Date(sh('2026-01-01T10:00').getTime() + day * 86_400_000);
      for (const n of [1, 2, 3, 7, 15]) {
        const due = addWorkingDays(start, n, cal);
        expect(workingDaysBetween(start, due, cal), `${start.toISOString()} +${n}`).toBe(n);
        expect(workingDaysBetween(due, start, cal)).toBe(-n);
      }
    }
  });

  it('says what is left: 0 on the last day, negative once overdue', () => {
    const due = endOf('2026-10-10');
    expect(workingDaysBetween(sh('2026-10-02T09:00'), due, cal)).toBe(3);
    expect(workingDaysBetween(sh('2026-10-09T09:00'), due, cal)).toBe(1);
    expect(workingDaysBetween(sh('2026-10-10T09:00'), due, cal)).toBe(0);
    expect(workingDaysBetween(sh('2026-10-13T09:00'), due, cal)).toBe(-2);
  });
});

describe('deadlineLight, with an injected clock', () => {
  /** A clock the test moves, as core's services will receive one. */
  function testClock(at: string): Clock & { set(at: string): void } {
    let t = sh(at);
    return { now: () => t, set: (s) => (t = sh(s)) };
  }

  it('turns a 3-working-day case yellow and red on the right days across 国庆', () => {
    const clock = testClock('2026-09-30T09:00');
    const start = clock.now();
    const due = addWorkingDays(start, 3, cal);
    const light = (at: string) => {
      clock.set(at);
      return deadlineLight(start, due, clock.now(), cal);
    };
    expect(light('2026-09-30T17:00')).toBe('green');
    // The holiday uses none of the allowed time.
    for (let d = 1; d <= 7; d++) expect(light(`2026-10-0${d}T12:00`), `10-0${d}`).toBe('green');
    expect(light('2026-10-08T12:00')).toBe('green');
    expect(light('2026-10-09T23:59')).toBe('green'); // two of three days used: 67 %
    // 70 % of 72 working hours is 50.4 h: 02:24 on the third day, the 调休 Saturday.
    expect(light('2026-10-10T02:23')).toBe('green');
    expect(light('2026-10-10T02:24')).toBe('yellow');
    expect(light('2026-10-10T23:59:59.999')).toBe('yellow');
    expect(light('2026-10-11T00:00')).toBe('red');
    expect(light('2026-10-12T09:00')).toBe('red');
  });

  it('turns yellow on the working day that reaches 70 %, never over a weekend', () => {
    // 10 working days from Fri 27 Nov: yellow once 7 whole days are used, i.e. from Wed 9 Dec.
    const start = sh('2026-11-27T10:00');
    const due = addWorkingDays(start, 10, cal);
    expect(due).toEqual(endOf('2026-12-11'));
    expect(deadlineLight(start, due, sh('2026-12-05T12:00'), cal)).toBe('green'); // Saturday, 5 days used
    expect(deadlineLight(start, due, sh('2026-12-08T23:59'), cal)).toBe('green');
    expect(deadlineLight(start, due, sh('2026-12-09T00:00'), cal)).toBe('yellow');
  });

  it('turns green again when an extension is approved', () => {
    const start = sh('2026-11-27T10:00');
    const due = addWorkingDays(start, 3, cal);
    const now = sh('2026-12-02T10:00');
    expect(deadlineLight(start, due, now, cal)).toBe('yellow');
    expect(deadlineLight(start, extendDeadline(due, 5, cal), now, cal)).toBe('green');
  });

  it('runs a 当日 limit from the moment of registration', () => {
    const start = sh('2026-11-27T10:00');
    const due = addWorkingDays(start, 0, cal);
    // 14 hours allowed, yellow after 9.8.
    expect(deadlineLight(start, due, sh('2026-11-27T19:47'), cal)).toBe('green');
    expect(deadlineLight(start, due, sh('2026-11-27T19:48'), cal)).toBe('yellow');
    expect(deadlineLight(start, due, sh('2026-11-28T00:00'), cal)).toBe('red');
  });
});
