import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../main/core/reports/periods';
import {
  parseReportsQuery,
  periodCode,
  periodValueOf,
  reportsHash,
  type PeriodValue,
} from '../../renderer/src/components/reports/period';

const at = (kind: PeriodValue['kind'], date: string, range: [string, string] = [date, date]): PeriodValue => ({
  kind,
  date: dayjs(date),
  range: [dayjs(range[0]), dayjs(range[1])],
});

describe('the 报表 page’s period picker', () => {
  it('turns each choice into the code the core parses to the same period', () => {
    const cases: [PeriodValue, string, string][] = [
      [at('month', '2026-10-15'), '2026-10', '2026年10月'],
      [at('quarter', '2026-08-01'), '2026-Q3', '2026年第三季度'],
      [at('half', '2026-06-30'), '2026-H1', '2026年上半年'],
      [at('half', '2026-07-01'), '2026-H2', '2026年下半年'],
      [at('year', '2026-03-01'), '2026', '2026年度'],
      [
        at('range', '2026-10-01', ['2026-10-01', '2026-10-20']),
        '2026-10-01..2026-10-20',
        '2026年10月01日至2026年10月20日',
      ],
    ];
    for (const [value, code, label] of cases) {
      expect(periodCode(value)).toBe(code);
      expect(parsePeriod(code).label).toBe(label);
    }
  });

  it('reads a link’s form and period back into the picker, and drops what periodCode never writes', () => {
    for (const code of ['2026-10', '2026-Q3', '2026-H1', '2026', '2026-01-05..2026-03-31']) {
      expect(periodCode(periodValueOf(code)!)).toBe(code);
    }
    expect(parseReportsQuery('#/reports?form=fieldwork-yearly&period=2026')).toMatchObject({
      form: 'fieldwork-yearly',
      period: { kind: 'year' },
    });
    expect(reportsHash('fieldwork-yearly', '2026')).toBe('#/reports?form=fieldwork-yearly&period=2026');
    // A day that does not exist is refused, not rolled over to 03-02; so are reversed and odd spellings.
    for (const bad of ['2026-02-30..2026-03-31', '2026-03-31..2026-03-01', '2026-13', '2026-Q5', '26', '']) {
      expect(periodValueOf(bad), bad).toBeNull();
    }
    expect(parseReportsQuery('#/reports?period=2026-02-30..2026-03-31').period).toBeUndefined();
  });
});
